package org.medvqa.training.rewards;

import java.util.Objects;

/**
 * One sampled completion: its text and how many tokens the model generated for it (the length rewards
 * and the overlong penalty count tokens). Where no tokenizer is at hand ({@code medvqa score}) the
 * count is {@link #approximateTokens(String)}.
 */
public record Completion(String text, int tokens) {
  public Completion {
    Objects.requireNonNull(text, "text");
    if (tokens < 0) {
      throw new IllegalArgumentException("tokens must be >= 0, was " + tokens);
    }
  }

  /** A completion whose token count is estimated from its text. */
  public static Completion ofText(String text) {
    return new Completion(text, approximateTokens(text));
  }

  /** Whitespace-separated pieces plus tags: a stand-in for a token count when no tokenizer is loaded. */
  public static int approximateTokens(String text) {
    String spaced = text.replaceAll("(</?(think|answer)>)", " $1 ").strip();
    return spaced.isEmpty() ? 0 : spaced.split("\\s+").length;
  }
}
