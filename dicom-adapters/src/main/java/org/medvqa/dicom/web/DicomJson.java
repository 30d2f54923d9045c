package org.medvqa.dicom.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads values out of the DICOM JSON model (PS3.18 F.2): {@code {"0020000D": {"vr": "UI", "Value": [...]}}}. */
final class DicomJson {
  private DicomJson() {}

  /** The first value of a tag as text (PN: its Alphabetic group), or "" when absent. */
  static String string(JsonNode dataset, String tag) {
    JsonNode first = dataset.path(tag).path("Value").path(0);
    if (first.isObject()) {
      return first.path("Alphabetic").asText("");
    }
    return first.isMissingNode() || first.isNull() ? "" : first.asText("");
  }

  static List<String> strings(JsonNode dataset, String tag) {
    List<String> values = new ArrayList<>();
    for (JsonNode v : dataset.path(tag).path("Value")) {
      if (!v.isNull() && !v.asText("").isBlank()) {
        values.add(v.asText());
      }
    }
    return values;
  }

  /** An integer value, or -1 when absent or not a number. */
  static int integer(JsonNode dataset, String tag) {
    JsonNode first = dataset.path(tag).path("Value").path(0);
    if (first.isNumber()) {
      return first.asInt();
    }
    try {
      return Integer.parseInt(first.asText("").strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
