package org.medvqa.training.model;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writing a directory so that a crash never leaves half of it: fill a temporary sibling, then rename it
 * into place (an existing directory is moved aside first and removed after).
 */
public final class AtomicDirectory {
  private AtomicDirectory() {}

  /** A fresh temporary sibling of {@code target} to fill. */
  public static Path temporarySibling(Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    return Files.createDirectory(abs.resolveSibling("." + abs.getFileName() + ".tmp-" + System.nanoTime()));
  }

  /** Fills a directory's contents. */
  @FunctionalInterface
  public interface Filler {
    void fill(Path dir) throws IOException;
  }

  /**
   * Fills a temporary sibling and swaps it in for {@code target}; when filling fails (a full disk), the
   * temporary sibling is removed and {@code target} is left exactly as it was.
   */
  public static void write(Path target, Filler filler) throws IOException {
    Path tmp = temporarySibling(target);
    try {
      filler.fill(tmp);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(tmp);
      throw e;
    }
    replace(tmp, target);
  }

  public static void replace(Path filled, Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Path old = null;
    if (Files.exists(abs)) {
      old = abs.resolveSibling("." + abs.getFileName() + ".old-" + System.nanoTime());
      move(abs, old);
    }
    move(filled, abs);
    if (old != null) {
      deleteQuietly(old);
    }
  }

  /**
   * Undoes a crash inside {@link #replace}: if {@code target} is missing but the copy moved aside for
   * it survives, moves that copy (complete: it was the target) back into place. Returns whether it did.
   */
  public static boolean recover(Path target) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    if (Files.exists(abs) || !Files.isDirectory(abs.getParent())) {
      return false;
    }
    String prefix = "." + abs.getFileName() + ".old-";
    Path newest = null;
    try (Stream<Path> siblings = Files.list(abs.getParent())) {
      for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        if (newest == null || suffix(p, prefix) > suffix(newest, prefix)) {
          newest = p;
        }
      }
    }
    if (newest == null) {
      return false;
    }
    move(newest, abs);
    return true;
  }

  private static long suffix(Path p, String prefix) {
    try {
      return Long.parseLong(p.getFileName().toString().substring(prefix.length()));
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  public static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover temporary directory is harmless
    }
  }
}
