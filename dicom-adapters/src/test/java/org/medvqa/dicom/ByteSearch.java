package org.medvqa.dicom;

/** Finding a byte pattern in a file's bytes, for tests that corrupt a tag or a marker in place. */
public final class ByteSearch {
  private ByteSearch() {}

  /** The first index at or after {@code from} where {@code pattern} starts, or -1. */
  public static int indexOf(byte[] bytes, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= bytes.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  public static int indexOf(byte[] bytes, byte[] pattern) {
    return indexOf(bytes, pattern, 0);
  }
}
