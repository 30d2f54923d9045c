package org.medvqa.training.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises a dataset directory's format from the files in it and reads every split file. The
 * first layout whose marker file exists wins, in the order JSONL, VQA-RAD, SLAKE, PMC-VQA.
 */
final class DatasetLayout {
  static final String VQA_RAD_PUBLIC = "VQA_RAD Dataset Public.json";

  private DatasetLayout() {}

  static DatasetFormat detect(Path root) {
    if (!Files.isDirectory(root)) {
      throw new DatasetException("not a directory: " + root);
    }
    for (Split s : Split.values()) {
      if (Files.isRegularFile(root.resolve(s.jsonlFileName()))) {
        return DatasetFormat.JSONL;
      }
    }
    if (Files.isRegularFile(root.resolve(VQA_RAD_PUBLIC)) || Files.isRegularFile(root.resolve("trainset.json"))) {
      return DatasetFormat.VQA_RAD;
    }
    if (Files.isRegularFile(root.resolve("train.json")) || Files.isRegularFile(root.resolve("validate.json"))) {
      return DatasetFormat.SLAKE;
    }
    if (Files.isRegularFile(root.resolve("train.csv")) || Files.isRegularFile(root.resolve("train_2.csv"))
        || Files.isRegularFile(root.resolve("test.csv")) || Files.isRegularFile(root.resolve("test_2.csv"))) {
      return DatasetFormat.PMC_VQA;
    }
    throw new DatasetException("no known dataset layout in " + root
        + " (expected train.jsonl, 'VQA_RAD Dataset Public.json', SLAKE's train.json or PMC-VQA's train.csv)");
  }

  /** Reads every split file of the layout; rows come back in file order, problems counted. */
  static ReadResult readAll(Path root, DatasetFormat format) throws IOException {
    ReadResult all = ReadResult.empty();
    switch (format) {
      case JSONL -> {
        for (Split s : Split.values()) {
          Path f = root.resolve(s.jsonlFileName());
          if (Files.isRegularFile(f)) {
            all = all.plus(VqaJsonl.read(f, s.jsonlFileName(), s));
          }
        }
      }
      case VQA_RAD -> {
        String images = firstDir(root, "VQA_RAD Image Folder", "images");
        if (Files.isRegularFile(root.resolve(VQA_RAD_PUBLIC))) {
          all = VqaRadReader.read(root.resolve(VQA_RAD_PUBLIC), VQA_RAD_PUBLIC, images, null);
        } else {
          for (String[] f : new String[][] {{"trainset.json", "train"}, {"valset.json", "val"}, {"testset.json", "test"}}) {
            if (Files.isRegularFile(root.resolve(f[0]))) {
              all = all.plus(VqaRadReader.read(root.resolve(f[0]), f[0], images, Split.parse(f[1])));
            }
          }
        }
      }
      case SLAKE -> {
        String images = firstDir(root, "imgs", "images");
        for (String[] f : new String[][] {{"train.json", "train"}, {"validate.json", "val"}, {"test.json", "test"}}) {
          if (Files.isRegularFile(root.resolve(f[0]))) {
            all = all.plus(SlakeReader.read(root.resolve(f[0]), f[0], images, Split.parse(f[1])));
          }
        }
      }
      case PMC_VQA -> {
        String images = firstDir(root, "images", "figures");
        for (String[] f : new String[][] {
            {"train.csv", "train"}, {"train_2.csv", "train"}, {"val.csv", "val"},
            {"test.csv", "test"}, {"test_2.csv", "test"}}) {
          if (Files.isRegularFile(root.resolve(f[0]))) {
            all = all.plus(PmcVqaReader.read(root.resolve(f[0]), f[0], images, Split.parse(f[1])));
          }
        }
      }
    }
    return all;
  }

  /** The first of the candidate folders that exists, else {@code ""} (images at the root). */
  private static String firstDir(Path root, String... candidates) {
    for (String c : candidates) {
      if (Files.isDirectory(root.resolve(c))) {
        return c;
      }
    }
    return "";
  }

  /** {@code dir + "/" + name} with {@code /} separators; just {@code name} when dir is empty. */
  static String join(String dir, String name) {
    String n = name.replace('\\', '/');
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    return dir.isEmpty() ? n : dir + "/" + n;
  }

}
