package org.medvqa.training.sft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.jsonl}: one JSON object per logged interval, namespaced keys ({@code train/loss},
 * {@code train/lr}, {@code train/grad_norm}, {@code perf/tokens_per_s}). Opening for a resumed run drops
 * lines after the checkpoint's step and the partial-interval line of the interrupted run, so the file
 * reads as one unbroken run.
 */
final class MetricsLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter writer;

  private MetricsLog(BufferedWriter writer) {
    this.writer = writer;
  }

  static MetricsLog open(Path file, int keepUpToStep) throws IOException {
    if (keepUpToStep == 0) {
      Files.deleteIfExists(file);
    } else if (Files.exists(file)) {
      List<String> kept = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        var n = line.isBlank() ? null : JSON.readTree(line);
        if (n != null && n.path("step").asInt() <= keepUpToStep && !n.path("partial").asBoolean()) {
          kept.add(line);
        }
      }
      Files.write(file, kept);
    }
    return new MetricsLog(Files.newBufferedWriter(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
  }

  void write(int step, int epoch, double loss, float lr, float gradNorm, double tokensPerSecond, double elapsed,
      boolean partial) {
    ObjectNode n = JSON.createObjectNode();
    n.put("step", step);
    n.put("epoch", epoch);
    n.put("train/loss", loss);
    n.put("train/lr", lr);
    n.put("train/grad_norm", gradNorm);
    n.put("perf/tokens_per_s", Math.round(tokensPerSecond));
    n.put("time/elapsed_s", Math.round(elapsed * 10) / 10.0);
    if (partial) {
      n.put("partial", true);
    }
    try {
      writer.write(JSON.writeValueAsString(n));
      writer.newLine();
      writer.flush(); // so the file can be watched while training runs
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void flush() throws IOException {
    writer.flush();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
