package org.medvqa.terminology.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small helpers every reader shares for turning a source's text into clean synonyms. */
final class Synonyms {
  /** SNOMED CT's semantic tag, "(body structure)", "(disorder)", ...: not part of the term. */
  private static final Pattern SEMANTIC_TAG = Pattern.compile("\\s*\\((?:[a-z][a-z /-]*)\\)\\s*$");

  private Synonyms() {}

  static String clean(String term) {
    String t = term == null ? "" : term.strip();
    t = SEMANTIC_TAG.matcher(t).replaceFirst("");
    return t.strip();
  }

  /** Splits {@code a|b|c}, cleans each, drops blanks and the literal {@code null}. */
  static List<String> split(String cell, char separator) {
    List<String> out = new ArrayList<>();
    if (cell == null || cell.isBlank()) {
      return out;
    }
    int from = 0;
    for (int i = 0; i <= cell.length(); i++) {
      if (i == cell.length() || cell.charAt(i) == separator) {
        String t = clean(cell.substring(from, i));
        if (!t.isEmpty() && !t.equals("null") && !out.contains(t)) {
          out.add(t);
        }
        from = i + 1;
      }
    }
    return out;
  }
}
