package org.medvqa.plugin.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends {@link AuditRecord}s as JSON lines, one flush per line so a crash loses at most the line
 * being written. Records carry no patient data by construction (see {@link AuditRecord}).
 */
public final class AuditLog implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final BufferedWriter out;
  private final Path file;

  public AuditLog(Path file) {
    this.file = file;
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      this.out = Files.newBufferedWriter(
          file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open audit log " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  public synchronized void write(AuditRecord record) {
    try {
      out.write(json.writeValueAsString(record));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write audit log", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // closing at shutdown
    }
  }
}
