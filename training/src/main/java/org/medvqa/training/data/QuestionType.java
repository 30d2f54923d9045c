package org.medvqa.training.data;

import java.util.Locale;

/** How a question is answered, which decides how an answer is scored. */
public enum QuestionType {
  /** Yes/no. The canonical answer is {@code yes} or {@code no}. */
  CLOSED,
  /** Free text, short and canonical (one to a few words); paraphrases list accepted alternatives. */
  OPEN,
  /** One of {@link VqaExample#options()}; the answer is the correct option's text (letter A for index 0). */
  MULTIPLE_CHOICE;

  /** The lower-case name used on disk ({@code closed}, {@code open}, {@code multiple_choice}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label written by {@link #label()} or by the public datasets ({@code CLOSED}, {@code OPEN}, {@code mc}). */
  public static QuestionType parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return switch (t) {
      case "closed", "yes/no", "yes_no" -> CLOSED;
      case "open" -> OPEN;
      case "multiple_choice", "mc", "choice" -> MULTIPLE_CHOICE;
      default -> throw new IllegalArgumentException("unknown question type '" + text + "'");
    };
  }
}
