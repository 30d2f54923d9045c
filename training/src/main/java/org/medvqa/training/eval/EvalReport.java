package org.medvqa.training.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes an evaluation to a directory: {@code report.md} (tables and sample answers),
 * {@code metrics.json}, {@code answers.jsonl} (every question, answer and score), {@code metrics.png}
 * (model against the blank-image baseline) and {@code by_category.png}.
 */
public final class EvalReport {
  static final List<String> HEADLINE = List.of("closed_accuracy", "open_exact", "open_semantic", "mc_accuracy",
      "balanced_accuracy", "yes_rate", "true_yes_rate");
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalReport() {}

  public static void write(Path dir, Evaluator.Result result, String modelName, String dataName) throws IOException {
    Files.createDirectories(dir);
    ObjectNode m = result.metrics();
    Files.writeString(dir.resolve("metrics.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("answers.jsonl"))) {
      for (ScoredAnswer a : result.answers()) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", a.example().id());
        n.put("type", a.example().type().label());
        n.put("question", a.example().question());
        n.put("reference", a.example().answer());
        n.put("answer", a.answer());
        n.put("completion", a.completion());
        n.put("correct", a.correct());
        if (!Double.isNaN(a.semantic())) {
          n.put("semantic", a.semantic());
        }
        n.put("tokens", a.tokens());
        w.write(JSON.writeValueAsString(n));
        w.newLine();
      }
    }
    JsonNode blank = m.path("blank_baseline");
    double[] model = HEADLINE.stream().mapToDouble(k -> value(m, k)).toArray();
    double[] base = HEADLINE.stream().mapToDouble(k -> value(blank, k)).toArray();
    BarChart.write(dir.resolve("metrics.png"), "Model vs blank-image baseline", HEADLINE, List.of(
        new BarChart.Series("model", model, new Color(31, 119, 180)),
        new BarChart.Series("blank image", base, new Color(200, 200, 200))));
    JsonNode byCategory = m.path("breakdown").path("category");
    List<String> categories = new ArrayList<>();
    byCategory.fieldNames().forEachRemaining(categories::add);
    BarChart.write(dir.resolve("by_category.png"), "Accuracy by question category", categories, List.of(
        new BarChart.Series("model", categories.stream().mapToDouble(c -> byCategory.path(c).path("accuracy").asDouble()).toArray(),
            new Color(31, 119, 180))));
    Files.writeString(dir.resolve("report.md"), markdown(result, modelName, dataName));
  }

  private static double value(JsonNode n, String key) {
    return n.path(key).isNumber() ? n.path(key).asDouble() : Double.NaN;
  }

  private static String fmt(JsonNode n) {
    return n.isNumber() ? String.format(Locale.ROOT, "%.3f", n.asDouble()) : "n/a";
  }

  static String markdown(Evaluator.Result result, String modelName, String dataName) {
    ObjectNode m = result.metrics();
    JsonNode blank = m.path("blank_baseline");
    StringBuilder s = new StringBuilder();
    s.append("# Evaluation of ").append(modelName).append("\n\n");
    s.append("Data: `").append(dataName).append("`, ").append(m.path("questions").asInt()).append(" questions, greedy decoding.\n\n");
    s.append("| metric | model | blank image |\n|---|---|---|\n");
    for (String k : List.of("closed_accuracy", "open_exact", "open_semantic", "mc_accuracy", "yes_rate", "true_yes_rate",
        "balanced_accuracy", "mean_length_correct", "mean_length_incorrect")) {
      s.append("| ").append(k).append(" | ").append(fmt(m.path(k))).append(" | ").append(fmt(blank.path(k))).append(" |\n");
    }
    s.append("\n![model vs blank](metrics.png)\n\n");
    for (String field : List.of("modality", "organ", "category", "type")) {
      s.append("## By ").append(field).append("\n\n| ").append(field).append(" | accuracy | questions |\n|---|---|---|\n");
      m.path("breakdown").path(field).fields().forEachRemaining(e -> s.append("| ").append(e.getKey()).append(" | ")
          .append(fmt(e.getValue().path("accuracy"))).append(" | ").append(e.getValue().path("questions").asInt()).append(" |\n"));
      s.append('\n');
    }
    s.append("![by category](by_category.png)\n\n## Sample answers\n\n| question | reference | answer | correct |\n|---|---|---|---|\n");
    result.answers().stream().limit(12).forEach(a -> s.append("| ").append(cell(a.example().question())).append(" | ")
        .append(cell(a.example().answer())).append(" | ").append(cell(a.answer())).append(" | ").append(a.correct() ? "yes" : "no").append(" |\n"));
    s.append("\nOpen semantic accuracy counts an open answer right when it matches exactly or its terminology alignment "
        + "score is at least ").append(VqaMetrics.SEMANTIC_THRESHOLD).append(". The blank baseline asks the same questions "
        + "about the training set's mean image (all zeros after standardisation): what the language prior alone answers.\n");
    return s.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
