package org.medvqa.plugin.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a completion {@code <think>reasoning</think><answer>answer</answer>} into its two parts.
 * A completion without the tags (an untrained or broken model) is taken as the answer itself, so the
 * caller always gets an answer; {@code wellFormed} says which case it was.
 */
public final class CompletionParser {
  private static final Pattern THINK = Pattern.compile("<think>(.*?)</think>", Pattern.DOTALL);
  private static final Pattern ANSWER = Pattern.compile("<answer>(.*?)</answer>", Pattern.DOTALL);

  private CompletionParser() {}

  /** The two parts of a completion. */
  public record Parsed(String reasoning, String answer, boolean wellFormed) {}

  public static Parsed parse(String completion) {
    Matcher think = THINK.matcher(completion);
    Matcher answer = ANSWER.matcher(completion);
    String reasoning = think.find() ? think.group(1).strip() : "";
    if (answer.find()) {
      return new Parsed(reasoning, answer.group(1).strip(), !reasoning.isEmpty());
    }
    String rest = THINK.matcher(completion).replaceAll("").replaceAll("</?(think|answer)>", "").strip();
    return new Parsed(reasoning, rest, false);
  }
}
