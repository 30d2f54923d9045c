package org.medvqa.training.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The study's result table, as the paper's: closed, open exact, open semantic and multiple-choice
 * accuracy, mean completion length, yes-rate against the true yes-rate; as Markdown and as JSON
 * ({@code {"rows": [{"name": ..., <eval keys>...}], "controls": [...]}}).
 */
public final class StudyTable {
  /** (eval key, column title) in table order. */
  static final List<String[]> COLUMNS = List.of(
      new String[] {"closed_accuracy", "closed"},
      new String[] {"open_exact", "open exact"},
      new String[] {"open_semantic", "open semantic"},
      new String[] {"mc_accuracy", "MC"},
      new String[] {"balanced_accuracy", "balanced"},
      new String[] {"mean_length", "mean length"},
      new String[] {"yes_rate", "yes-rate"},
      new String[] {"true_yes_rate", "true yes-rate"});

  /** Zhu et al.'s PMC-VQA accuracies (Qwen2-VL-2B), for the "paper" column. */
  static final Map<String, String> PAPER = Map.of(
      "sft", "52.00", "grpo_from_sft", "58.04", "grpo_semantic", "59.86", "dr_grpo", "61.09",
      "grpo_ecr", "50.17", "grpo_cwr", "54.68");

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<StudyRow> rows;
  private final List<StudyRow> controls;

  public StudyTable(List<StudyRow> rows, List<StudyRow> controls) {
    this.rows = List.copyOf(rows);
    this.controls = List.copyOf(controls);
  }

  public List<StudyRow> rows() {
    return rows;
  }

  public List<StudyRow> controls() {
    return controls;
  }

  public String toMarkdown() {
    StringBuilder md = new StringBuilder("| variant |");
    for (String[] c : COLUMNS) {
      md.append(' ').append(c[1]).append(" |");
    }
    md.append(" train s | steps | paper (PMC-VQA) |\n|---|");
    md.append("---:|".repeat(COLUMNS.size() + 3)).append('\n');
    appendRows(md, rows);
    appendRows(md, controls);
    return md.toString();
  }

  private static void appendRows(StringBuilder md, List<StudyRow> rows) {
    for (StudyRow r : rows) {
      md.append("| ").append(r.name()).append(" |");
      for (String[] c : COLUMNS) {
        md.append(' ').append(format(r.metric(c[0]))).append(" |");
      }
      md.append(String.format(Locale.ROOT, " %.0f | %d | %s |%n", r.trainSeconds(), r.steps(),
          PAPER.getOrDefault(r.name(), "")));
    }
  }

  private static String format(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
  }

  public String toJson() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("rows", rows.stream().map(StudyTable::asJson).toList());
    doc.put("controls", controls.stream().map(StudyTable::asJson).toList());
    try {
      return JSON.writeValueAsString(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> asJson(StudyRow r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", r.name());
    row.put("description", r.description());
    row.putAll(r.metrics());
    row.put("train_seconds", r.trainSeconds());
    row.put("steps", r.steps());
    return row;
  }
}
