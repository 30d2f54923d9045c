package org.medvqa.training.rewards;

/**
 * The paper's length rewards for long-chain reasoning, growing linearly with the words of
 * {@code <think>} up to a target: {@code min(1, words / targetWords)}.
 *
 * <ul>
 *   <li>{@link Mode#ECR}: paid for every completion, right or wrong;
 *   <li>{@link Mode#CWR}: paid only when the answer is right (correctness-gated), so length cannot be
 *       bought with wrong answers.
 * </ul>
 */
public final class ReasoningLengthReward implements RewardFunction {

  /** Which completions are paid for their length. */
  public enum Mode {
    ECR,
    CWR
  }

  private final Mode mode;
  private final int targetWords;

  public ReasoningLengthReward(Mode mode, int targetWords) {
    if (targetWords < 1) {
      throw new IllegalArgumentException("targetWords must be >= 1, was " + targetWords);
    }
    this.mode = mode;
    this.targetWords = targetWords;
  }

  @Override
  public String name() {
    return mode == Mode.ECR ? "ecr" : "cwr";
  }

  @Override
  public double score(Completion completion, RewardContext context) {
    ParsedCompletion parsed = ParsedCompletion.parse(completion.text());
    if (mode == Mode.CWR && !AnswerMatcher.isCorrect(parsed.answer(), context)) {
      return 0.0;
    }
    return Math.min(1.0, parsed.reasoningWords() / (double) targetWords);
  }
}
