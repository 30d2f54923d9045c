package org.medvqa.training.grpo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-step metrics as JSON lines ({@code {"step": 3, "reward/accuracy": 0.81, ...}}), names namespaced
 * CleanRL-style. Appends, so a resumed run continues the same file; {@link #read} gives it back for
 * plots and reports.
 */
public final class MetricsLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter out;

  public MetricsLog(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  public void write(int step, Map<String, Double> metrics) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("step", step);
    metrics.forEach((k, v) -> row.put(k, Double.isFinite(v) ? v : null));
    try {
      out.write(JSON.writeValueAsString(row));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All rows of a metrics file, in order; a step logged twice (before and after a resume) keeps the last. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Double>> read(Path file) throws IOException {
    Map<Integer, Map<String, Double>> byStep = new java.util.TreeMap<>();
    if (!Files.exists(file)) {
      return List.of();
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> raw = JSON.readValue(line, Map.class);
      Map<String, Double> row = new LinkedHashMap<>();
      raw.forEach((k, v) -> row.put(k, v == null ? Double.NaN : ((Number) v).doubleValue()));
      byStep.put(row.get("step").intValue(), row);
    }
    return new ArrayList<>(byStep.values());
  }

  /** One metric as a column over the rows (NaN where a row lacks it). */
  public static double[] column(List<Map<String, Double>> rows, String name) {
    return rows.stream().mapToDouble(r -> r.getOrDefault(name, Double.NaN)).toArray();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
