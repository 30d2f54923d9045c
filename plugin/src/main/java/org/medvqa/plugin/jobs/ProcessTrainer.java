package org.medvqa.plugin.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs {@link TrainingMain} in a child JVM with the server's class path: cancel ends the process, and
 * progress comes from the metrics file the trainer appends to ({@code {"step": n, ...}} per line).
 * The child's output goes to {@code train.log} in the job's scratch folder.
 */
public final class ProcessTrainer implements Trainer {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void check(TrainingSpec spec) {
    TrainingMain.plannedSteps(spec.kind(), spec.steps(), spec.seed(), spec.options()); // throws on a bad option
  }

  @Override
  public void train(TrainingSpec spec, Path outDir, TrainingProgress progress, BooleanSupplier cancelled)
      throws Exception {
    Path run = outDir.resolveSibling("run");
    Files.createDirectories(run);
    int total = TrainingMain.plannedSteps(spec.kind(), spec.steps(), spec.seed(), spec.options());
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
        "-Djava.library.path=" + System.getProperty("java.library.path"),
        "-cp", System.getProperty("java.class.path"),
        TrainingMain.class.getName(),
        spec.kind().name(), spec.dataset().toString(), spec.baseModel().toString(), run.toString(),
        Integer.toString(spec.steps()), Long.toString(spec.seed()), JSON.writeValueAsString(spec.options())));
    Path log = outDir.resolveSibling("train.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path metrics = run.resolve("metrics.jsonl");
    long offset = 0;
    try {
      while (!p.waitFor(300, TimeUnit.MILLISECONDS)) {
        if (cancelled.getAsBoolean()) {
          p.destroy();
          if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
          throw new CancellationException("cancelled");
        }
        offset = report(metrics, offset, total, progress);
      }
      report(metrics, offset, total, progress);
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    if (p.exitValue() != 0) {
      throw new IOException("training failed (exit " + p.exitValue() + "): " + lastLine(log));
    }
    Files.move(run.resolve("model"), outDir);
  }

  private static long report(Path metrics, long offset, int total, TrainingProgress progress) throws IOException {
    if (!Files.exists(metrics)) {
      return offset;
    }
    try (RandomAccessFile in = new RandomAccessFile(metrics.toFile(), "r")) {
      if (in.length() <= offset) {
        return offset;
      }
      in.seek(offset);
      byte[] bytes = new byte[(int) (in.length() - offset)];
      in.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      if (end < 0) {
        return offset;
      }
      for (String line : text.substring(0, end).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = JSON.readTree(line);
        Map<String, Double> m = new LinkedHashMap<>();
        row.fields().forEachRemaining(e -> {
          if (!e.getKey().equals("step") && e.getValue().isNumber()) {
            m.put(e.getKey(), e.getValue().asDouble());
          }
        });
        progress.step(row.path("step").asInt(), total, m);
      }
      return offset + text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank() && !lines.get(i).startsWith("\tat ")) {
          return lines.get(i).strip();
        }
      }
    } catch (IOException ignored) {
      // no log
    }
    return "see the job's log";
  }
}
