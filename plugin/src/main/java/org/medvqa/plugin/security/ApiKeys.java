package org.medvqa.plugin.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The accepted API keys, held only as SHA-256 hashes. A key's id (what logs show) is {@code key-}
 * plus the first 8 hex digits of its hash. Comparison is constant-time over all keys.
 */
public final class ApiKeys {
  private final List<byte[]> hashes;

  private ApiKeys(List<byte[]> hashes) {
    this.hashes = List.copyOf(hashes);
  }

  /** One key per line; blank lines and lines starting with {@code #} are skipped. */
  public static ApiKeys load(Path file) throws IOException {
    List<String> keys = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String k = line.strip();
      if (!k.isEmpty() && !k.startsWith("#")) {
        keys.add(k);
      }
    }
    if (keys.isEmpty()) {
      throw new IOException("no API key in " + file.getFileName());
    }
    return of(keys);
  }

  public static ApiKeys of(List<String> keys) {
    List<byte[]> hashes = new ArrayList<>();
    for (String k : keys) {
      if (k.length() < 16) {
        throw new IllegalArgumentException("API keys must be at least 16 characters long");
      }
      hashes.add(Hashing.sha256(k));
    }
    return new ApiKeys(hashes);
  }

  /** A fresh random key (32 hex digits), for a server started without a key file. */
  public static String randomKey() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The id of the key if it is one of ours. */
  public Optional<String> verify(String presented) {
    if (presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    byte[] h = Hashing.sha256(presented);
    byte[] match = null;
    for (byte[] known : hashes) {
      if (MessageDigest.isEqual(known, h)) {
        match = known;
      }
    }
    return match == null ? Optional.empty() : Optional.of("key-" + HexFormat.of().formatHex(match).substring(0, 8));
  }

  public int size() {
    return hashes.size();
  }
}
