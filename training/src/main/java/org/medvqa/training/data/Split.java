package org.medvqa.training.data;

import java.util.Locale;

/** A dataset split. Images (and, for PhantomVQA, phantoms) never cross splits. */
public enum Split {
  TRAIN,
  VAL,
  TEST;

  /** The lower-case name used on disk ({@code train}, {@code val}, {@code test}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The canonical JSONL file of this split ({@code train.jsonl}, ...). */
  public String jsonlFileName() {
    return label() + ".jsonl";
  }

  /** Parses {@code train}, {@code val}/{@code validate}/{@code validation}/{@code dev}, {@code test}. */
  public static Split parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "train", "training" -> TRAIN;
      case "val", "valid", "validate", "validation", "dev" -> VAL;
      case "test", "testing" -> TEST;
      default -> throw new IllegalArgumentException("unknown split '" + text + "'");
    };
  }
}
