package org.medvqa.terminology;

import java.nio.file.Path;

/**
 * One real default index per test JVM: {@link DefaultIndex} with its cache under target/, so the
 * first run builds it from the shipped sources and later runs (same content hash) reuse it.
 */
public final class TestTerminology {
  static final Path CACHE = Path.of("target", "terminology-cache");
  private static volatile Terminology instance;

  private TestTerminology() {}

  public static synchronized Terminology get() {
    if (instance == null) {
      System.setProperty("medvqa.terminology.cache", CACHE.toAbsolutePath().toString());
      instance = Terminology.open(DefaultIndex.ensureBuilt());
    }
    return instance;
  }
}
