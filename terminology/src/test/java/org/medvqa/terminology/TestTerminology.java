package org.medvqa.terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medvqa.terminology.source.DefaultSources;

/** One real default index per test JVM, built on disk under target/ from the shipped sources. */
public final class TestTerminology {
  private static volatile Terminology instance;

  private TestTerminology() {}

  public static synchronized Terminology get() {
    if (instance == null) {
      try {
        Path dir = Files.createTempDirectory(Path.of("target"), "test-index-");
        Terminology.build(DefaultSources.all(), dir);
        instance = Terminology.open(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }
}
