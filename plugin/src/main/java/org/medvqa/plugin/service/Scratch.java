package org.medvqa.plugin.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A per-request scratch folder for DICOM files (uploads, retrieved studies, the SR), deleted when
 * the request ends, so no patient data outlives the request on disk.
 */
final class Scratch implements AutoCloseable {
  private final Path dir;

  Scratch(Path parent) {
    try {
      Files.createDirectories(parent);
      this.dir = Files.createTempDirectory(parent, "req-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder", e);
    }
  }

  Path dir() {
    return dir;
  }

  Path resolve(String name) {
    return dir.resolve(name);
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // already gone
    }
  }
}
