package org.medvqa.terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.medvqa.terminology.source.DefaultSources;
import org.medvqa.terminology.source.TextFile;

/**
 * Where the default index lives: {@code <cache>/<content hash>}, with the cache directory taken from
 * the system property {@code medvqa.terminology.cache}, else the environment variable
 * {@code MEDVQA_TERMINOLOGY_CACHE}, else {@code ${user.home}/.cache/medvqa/terminology}. The hash
 * covers every shipped source and language file and the index format, so a changed lexicon builds a
 * new index and an unchanged one is reused. Built in a temporary sibling and renamed into place, so
 * concurrent first uses never see half an index.
 */
public final class DefaultIndex {
  /** Bump when the analysis chain changes how the index's fuzzy words are normalised. */
  static final String ANALYSIS_VERSION = "1";

  private DefaultIndex() {}

  public static Path cacheDir() {
    String configured = System.getProperty("medvqa.terminology.cache");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("MEDVQA_TERMINOLOGY_CACHE");
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "medvqa", "terminology");
  }

  /** The directory of the default index for the shipped content (it may not exist yet). */
  public static Path location() {
    return cacheDir().resolve(contentHash());
  }

  static String contentHash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("analysis " + ANALYSIS_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
      for (TextFile f : languageAndSourceFiles()) {
        digest.update(f.name().getBytes(StandardCharsets.UTF_8));
        f.digestInto(digest);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<TextFile> languageAndSourceFiles() {
    return Stream.concat(
            DefaultSources.files().stream(),
            Stream.of(
                TextFile.resource("lexicon/abbreviations.tsv"),
                TextFile.resource("lexicon/word-forms.tsv"),
                TextFile.resource("lexicon/negation.tsv"),
                TextFile.resource("lexicon/common-words.txt")))
        .toList();
  }

  /** Builds the default index unless it is already there; returns its directory. */
  public static Path ensureBuilt() {
    Path target = location();
    if (Files.isDirectory(target)) {
      return target;
    }
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      Files.createDirectories(target.getParent());
      Terminology.build(DefaultSources.all(), tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
        deleteTree(tmp);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target);
      }
      return target;
    } catch (IOException e) {
      deleteTree(tmp);
      throw new UncheckedIOException("cannot build the default concept index in " + target.getParent(), e);
    } catch (RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // best effort: a stale temporary directory is harmless
    }
  }
}
