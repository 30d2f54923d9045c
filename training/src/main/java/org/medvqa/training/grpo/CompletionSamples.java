package org.medvqa.training.grpo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Appends the first group of a rollout to {@code completions.jsonl}: what the model actually wrote. */
final class CompletionSamples {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CompletionSamples() {}

  static void append(Path file, int step, Rollout rollout) throws IOException {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("step", step);
    row.put("question", rollout.examples().get(0).prompt().question());
    row.put("reference", rollout.examples().get(0).context().reference());
    row.put("type", rollout.examples().get(0).context().type().name());
    List<Map<String, Object>> completions = new ArrayList<>();
    for (int i = 0; i < rollout.groupSize(); i++) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("text", rollout.completions().get(i).text());
      c.put("tokens", rollout.completions().get(i).tokenIds().length);
      c.put("reward", rollout.totals()[i]);
      c.put("advantage", rollout.advantages()[i]);
      c.put("correct", rollout.correct()[i]);
      completions.add(c);
    }
    row.put("completions", completions);
    Files.writeString(file, JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
