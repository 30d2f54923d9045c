package org.medvqa.training.rewards;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation for exact-match comparison of short answers. */
public final class AnswerText {
  private AnswerText() {}

  /**
   * Lower case, Unicode NFKC, punctuation to spaces (hyphens inside words kept), articles dropped,
   * whitespace collapsed: "The  left lung." and "left lung" compare equal.
   */
  public static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = s.replaceAll("(?<=\\p{L})-(?=\\p{L})", "\u0000"); // protect "x-ray"
    s = s.replaceAll("[\\p{Punct}\\p{IsPunctuation}]", " ").replace('\u0000', '-');
    s = s.replaceAll("\\b(a|an|the)\\b", " ");
    return s.strip().replaceAll("\\s+", " ");
  }
}
