package org.medvqa.training.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Field access shared by the JSON readers; a wrong field is an {@link IllegalArgumentException}. */
final class Rows {
  private Rows() {}

  /** The field as text ({@code ""} when absent or null); numbers and booleans become their text. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isContainerNode()) {
      throw new IllegalArgumentException("field '" + field + "' is not a single value");
    }
    return v.asText().strip();
  }

  /** The field as a list of strings ({@code []} when absent). */
  static List<String> strings(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("field '" + field + "' is not an array");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (item.isContainerNode() || item.isNull()) {
        throw new IllegalArgumentException("field '" + field + "' holds a non-text item");
      }
      out.add(item.asText().strip());
    }
    return out;
  }

  /** Turns a rejected row into its problem: a blank answer is {@code EMPTY_ANSWER}, anything else malformed. */
  static RowProblem problem(String file, int row, IllegalArgumentException e) {
    RowProblem.Kind kind = "empty answer".equals(e.getMessage())
        ? RowProblem.Kind.EMPTY_ANSWER
        : RowProblem.Kind.MALFORMED;
    return new RowProblem(file, row, kind, e.getMessage());
  }
}
