package org.medvqa.training.rewards;

import java.util.List;
import java.util.Objects;
import org.medvqa.training.data.QuestionType;
import org.medvqa.training.data.VqaExample;

/**
 * What a completion is judged against: the question, its reference answer, how to judge it, the
 * options of a multiple-choice question (in letter order A, B, ...) and accepted paraphrases of the
 * reference.
 */
public record RewardContext(
    String question, String reference, QuestionType type, List<String> options, List<String> paraphrases) {

  public RewardContext {
    question = question == null ? "" : question;
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(type, "type");
    options = options == null ? List.of() : List.copyOf(options);
    paraphrases = paraphrases == null ? List.of() : List.copyOf(paraphrases);
    if (type == QuestionType.MULTIPLE_CHOICE && options.size() < 2) {
      throw new IllegalArgumentException("a multiple-choice question needs at least two options");
    }
  }

  /** A dataset question's reference, type, options and paraphrases. */
  public static RewardContext of(VqaExample example) {
    return new RewardContext(example.question(), example.answer(), example.type(), example.options(),
        example.answerParaphrases());
  }

  public static RewardContext closed(String question, String reference) {
    return new RewardContext(question, reference, QuestionType.CLOSED, List.of(), List.of());
  }

  public static RewardContext open(String question, String reference, List<String> paraphrases) {
    return new RewardContext(question, reference, QuestionType.OPEN, List.of(), paraphrases);
  }

  public static RewardContext multipleChoice(String question, String reference, List<String> options) {
    return new RewardContext(question, reference, QuestionType.MULTIPLE_CHOICE, options, List.of());
  }

  /**
   * The type a reference implies when none is given: yes/no answers are closed, anything else open.
   */
  public static QuestionType inferType(String reference) {
    String r = AnswerText.normalise(reference);
    return r.equals("yes") || r.equals("no") ? QuestionType.CLOSED : QuestionType.OPEN;
  }

  /** The reference followed by its paraphrases: every answer text that counts as right. */
  public List<String> acceptedAnswers() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(reference), paraphrases.stream()).toList();
  }
}
