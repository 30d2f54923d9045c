package org.medvqa.training.rewards;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A completion split into its reasoning and its answer.
 *
 * <p>{@code wellFormed} means exactly one {@code <think>..</think>} followed by exactly one
 * {@code <answer>..</answer>} and nothing else around them but whitespace. The answer is extracted
 * leniently (the last {@code <answer>} block, or else the whole text with tags stripped) so that a
 * model that has not yet learned the format, such as the {@code base} initialisation, can still earn
 * accuracy; the format reward is what teaches the tags.
 */
public record ParsedCompletion(String reasoning, String answer, boolean wellFormed) {

  private static final Pattern STRICT =
      Pattern.compile("\\s*<think>(.*?)</think>\\s*<answer>(.*?)</answer>\\s*", Pattern.DOTALL);
  private static final Pattern ANSWER = Pattern.compile("<answer>(.*?)(</answer>|$)", Pattern.DOTALL);
  private static final Pattern THINK = Pattern.compile("<think>(.*?)(</think>|$)", Pattern.DOTALL);
  private static final Pattern ANY_TAG = Pattern.compile("</?(think|answer)>");

  public static ParsedCompletion parse(String text) {
    Matcher strict = STRICT.matcher(text);
    if (strict.matches() && tagCount(text) == 4) {
      return new ParsedCompletion(strict.group(1).strip(), strict.group(2).strip(), true);
    }
    String answer = lastGroup(ANSWER, text);
    String reasoning = lastGroup(THINK, text);
    if (answer == null) {
      // No answer block: whatever follows the reasoning (or the whole text) is the answer.
      int end = text.lastIndexOf("</think>");
      answer = ANY_TAG.matcher(end >= 0 ? text.substring(end + 8) : text).replaceAll(" ");
    }
    return new ParsedCompletion(reasoning == null ? "" : reasoning.strip(), answer.strip(), false);
  }

  private static int tagCount(String text) {
    Matcher m = ANY_TAG.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String lastGroup(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return last;
  }

  /** Words of reasoning: the unit of the ECR and CWR length rewards. */
  public int reasoningWords() {
    return reasoning.isBlank() ? 0 : reasoning.strip().split("\\s+").length;
  }
}
