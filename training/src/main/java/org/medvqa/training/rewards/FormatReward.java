package org.medvqa.training.rewards;

/** 1 when the completion is exactly one {@code <think>..</think>} then one {@code <answer>..</answer>}. */
public final class FormatReward implements RewardFunction {
  public static final String NAME = "format";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double score(Completion completion, RewardContext context) {
    ParsedCompletion parsed = ParsedCompletion.parse(completion.text());
    return parsed.wellFormed() && !parsed.answer().isEmpty() ? 1.0 : 0.0;
  }
}
