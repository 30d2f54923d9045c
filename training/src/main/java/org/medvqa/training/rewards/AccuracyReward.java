package org.medvqa.training.rewards;

/**
 * 1 when the answer is right for its question type (closed yes/no, multiple choice by letter or option
 * text, open by normalised exact match with the reference or a paraphrase), else 0.
 */
public final class AccuracyReward implements RewardFunction {
  public static final String NAME = "accuracy";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double score(Completion completion, RewardContext context) {
    String answer = ParsedCompletion.parse(completion.text()).answer();
    return AnswerMatcher.isCorrect(answer, context) ? 1.0 : 0.0;
  }
}
