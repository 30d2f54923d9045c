package org.medvqa.training.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The response format {@code <think>reasoning</think><answer>answer</answer>} and reading it back. */
public final class ResponseFormat {
  private static final Pattern ANSWER = Pattern.compile("<answer>(.*?)</answer>", Pattern.DOTALL);
  private static final Pattern THINK = Pattern.compile("<think>(.*?)</think>", Pattern.DOTALL);

  private ResponseFormat() {}

  public static String format(String reasoning, String answer) {
    return "<think>" + (reasoning == null ? "" : reasoning.strip()) + "</think><answer>" + answer.strip() + "</answer>";
  }

  /** The text inside the first answer tags; without them, the text after {@code <answer>}, else the whole text. */
  public static String answerOf(String completion) {
    Matcher m = ANSWER.matcher(completion);
    if (m.find()) {
      return m.group(1).strip();
    }
    int open = completion.indexOf("<answer>");
    if (open >= 0) {
      return completion.substring(open + "<answer>".length()).strip();
    }
    int think = completion.lastIndexOf("</think>");
    return (think >= 0 ? completion.substring(think + "</think>".length()) : completion).strip();
  }

  /** The reasoning inside the think tags, or "" when there is none. */
  public static String reasoningOf(String completion) {
    Matcher m = THINK.matcher(completion);
    return m.find() ? m.group(1).strip() : "";
  }
}
