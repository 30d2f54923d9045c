package org.medvqa.training.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a dataset directory ({@code medvqa data check}): malformed rows, empty answers, missing
 * images, images outside the directory, and images shared by two splits, either by the same path or
 * by identical bytes under different names (a leak from training into evaluation).
 */
public final class DatasetChecker {
  private DatasetChecker() {}

  /** Checks rows, image presence and cross-split duplicates (no decoding). */
  public static CheckReport check(Path dir) {
    return check(dir, false);
  }

  /**
   * As {@link #check(Path)}; with {@code decode}, also decodes every image once through {@link
   * DatasetImages} and reports those that fail as {@link RowProblem.Kind#UNREADABLE_IMAGE}.
   */
  public static CheckReport check(Path dir, boolean decode) {
    Path root = dir.toAbsolutePath().normalize();
    DatasetFormat format = DatasetLayout.detect(root);
    ReadResult read;
    try {
      read = DatasetLayout.readAll(root, format);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + root + ": " + e.getMessage(), e);
    }
    List<RowProblem> problems = new ArrayList<>(read.problems());
    Map<Split, Integer> questions = new EnumMap<>(Split.class);
    Map<String, Set<Split>> splitsOfImage = new TreeMap<>();
    Map<String, Boolean> exists = new LinkedHashMap<>();
    for (VqaExample e : read.examples()) {
      RowProblem imageProblem = VqaDataset.imageProblem(root, e, exists);
      if (imageProblem != null) {
        problems.add(imageProblem);
        continue;
      }
      questions.merge(e.split(), 1, Integer::sum);
      splitsOfImage.computeIfAbsent(e.image(), k -> EnumSet.noneOf(Split.class)).add(e.split());
    }
    List<String> duplicates = new ArrayList<>();
    splitsOfImage.forEach((image, splits) -> {
      if (splits.size() > 1) {
        duplicates.add(image + " is used by " + labels(splits));
      }
    });
    duplicates.addAll(sameBytesAcrossSplits(root, splitsOfImage));
    if (decode) {
      DatasetImages images = new DatasetImages(org.medvqa.dicom.PreprocessOptions.DEFAULT, 0);
      for (String image : splitsOfImage.keySet()) {
        try {
          images.load(root.resolve(image));
        } catch (DatasetException e) {
          problems.add(new RowProblem(image, 0, RowProblem.Kind.UNREADABLE_IMAGE, e.getMessage()));
        }
      }
    }
    Map<Split, Integer> images = new EnumMap<>(Split.class);
    splitsOfImage.values().forEach(splits -> splits.forEach(s -> images.merge(s, 1, Integer::sum)));
    return new CheckReport(root, format, questions, images, problems, duplicates);
  }

  /** Different paths in different splits whose files have identical bytes. */
  private static List<String> sameBytesAcrossSplits(Path root, Map<String, Set<Split>> splitsOfImage) {
    Map<String, List<String>> byHash = new TreeMap<>();
    for (String image : splitsOfImage.keySet()) {
      byHash.computeIfAbsent(sha256(root.resolve(image)), k -> new ArrayList<>()).add(image);
    }
    List<String> out = new ArrayList<>();
    for (List<String> same : byHash.values()) {
      if (same.size() < 2) {
        continue;
      }
      Set<Split> splits = EnumSet.noneOf(Split.class);
      same.forEach(i -> splits.addAll(splitsOfImage.get(i)));
      if (splits.size() > 1) {
        out.add("identical files " + String.join(", ", same) + " are used by " + labels(splits));
      }
    }
    return out;
  }

  private static String labels(Set<Split> splits) {
    return String.join(" and ", splits.stream().map(Split::label).toList());
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      return "unreadable:" + file; // unique: an unreadable file never matches another
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
