package org.medvqa.training.sft;

import java.util.List;
import org.medvqa.training.data.QuestionType;
import org.medvqa.training.data.VqaExample;
import org.medvqa.training.model.ResponseFormat;

/**
 * The text the model sees and the text it should produce, for any dataset question. A multiple-choice
 * question lists its options as {@code A: ...} lines after the question; the target answer of every
 * question is its canonical answer text. SFT, evaluation and GRPO use this one mapping.
 */
public final class PromptText {
  private PromptText() {}

  public static String question(VqaExample e) {
    return question(e.question(), e.type() == QuestionType.MULTIPLE_CHOICE ? e.options() : List.of());
  }

  public static String question(String question, List<String> options) {
    StringBuilder s = new StringBuilder(question.strip());
    for (int i = 0; i < options.size(); i++) {
      s.append('\n').append((char) ('A' + i)).append(": ").append(options.get(i).strip());
    }
    return s.toString();
  }

  /** {@code <think>reference reasoning</think><answer>answer</answer>}. */
  public static String target(VqaExample e) {
    return ResponseFormat.format(e.reasoning(), e.answer());
  }
}
