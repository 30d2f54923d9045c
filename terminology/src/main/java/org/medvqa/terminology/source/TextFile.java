package org.medvqa.terminology.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.medvqa.terminology.TerminologyException;

/**
 * A UTF-8 text file on disk or on the class path, read line by line. Malformed UTF-8 is a
 * {@link TerminologyException} naming the file, not a silent replacement character.
 */
public final class TextFile {

  /** Opens the bytes of the file. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  private final String name;
  private final Opener opener;

  private TextFile(String name, Opener opener) {
    this.name = name;
    this.opener = opener;
  }

  public static TextFile of(Path path) {
    return new TextFile(path.toString(), () -> Files.newInputStream(path));
  }

  /** A resource next to this package's classes, for example {@code lexicon/concepts.tsv}. */
  public static TextFile resource(String relativeToTerminologyPackage) {
    String path = "/org/medvqa/terminology/" + relativeToTerminologyPackage;
    return new TextFile(
        "classpath:" + path,
        () -> {
          InputStream in = TextFile.class.getResourceAsStream(path);
          if (in == null) {
            throw new IOException("missing resource " + path);
          }
          return in;
        });
  }

  public String name() {
    return name;
  }

  /** Calls {@code action} with (line number, line) for every line. */
  public void forEachLine(LineAction action) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = opener.open();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        action.accept(number, line);
      }
    } catch (CharacterCodingException e) {
      throw new TerminologyException(name + ": not valid UTF-8 text", e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new TerminologyException(name + ": no such file", e);
    } catch (IOException e) {
      throw new TerminologyException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /** Rows of a tab-separated file: blank lines and lines starting with {@code #} skipped. */
  public void forEachTsvRow(RowAction action) {
    forEachLine(
        (number, line) -> {
          if (line.isBlank() || line.startsWith("#")) {
            return;
          }
          action.accept(number, line.split("\t", -1));
        });
  }

  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    forEachLine((n, line) -> lines.add(line));
    return lines;
  }

  /** Feeds the file's bytes to a digest (for the content hash of the default index). */
  public void digestInto(MessageDigest digest) {
    try (InputStream in = opener.open()) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bad row: the exception names file and line. */
  public TerminologyException badRow(int line, String problem) {
    return new TerminologyException(name + ":" + line + ": " + problem);
  }

  @FunctionalInterface
  public interface LineAction {
    void accept(int number, String line);
  }

  @FunctionalInterface
  public interface RowAction {
    void accept(int number, String[] cells);
  }
}
