package org.medvqa.plugin.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers. */
public final class Hashing {
  private Hashing() {}

  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first {@code hexDigits} hex digits of SHA-256 of the text. */
  public static String shortSha256(String text, int hexDigits) {
    return HexFormat.of().formatHex(sha256(text)).substring(0, hexDigits);
  }

  /** What the audit log records for a study UID: a salted hash that correlates records but cannot be read back. */
  public static String studyHash(String salt, String studyUid) {
    return shortSha256(salt + "|" + studyUid, 16);
  }
}
