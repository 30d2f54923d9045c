package org.medvqa.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code pixels.sha256}: SHA-256 over the decoded stored values, each written as a little-endian
 * 32-bit signed integer, row-major, samples interleaved. The same image in any lossless transfer
 * syntax hashes the same.
 */
public final class PixelHash {
  private PixelHash() {}

  public static String sha256(int[] samples) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-256", e);
    }
    ByteBuffer chunk = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    for (int value : samples) {
      if (chunk.remaining() < 4) {
        digest.update(chunk.array(), 0, chunk.position());
        chunk.clear();
      }
      chunk.putInt(value);
    }
    digest.update(chunk.array(), 0, chunk.position());
    return HexFormat.of().formatHex(digest.digest());
  }
}
