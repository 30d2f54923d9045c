package org.medvqa.training.rewards;

/**
 * DAPO's soft overlong punishment, in completion tokens, with {@code L_max = maxCompletionLength} and
 * {@code L_cache = buffer}:
 *
 * <pre>
 *   0                                    if |y| <= L_max - L_cache
 *   ((L_max - L_cache) - |y|) / L_cache  if L_max - L_cache < |y| <= L_max
 *   -1                                   if |y| > L_max
 * </pre>
 */
public final class OverlongPenalty implements RewardFunction {
  public static final String NAME = "overlong";
  private final int maxCompletionLength;
  private final int buffer;

  public OverlongPenalty(int maxCompletionLength, int buffer) {
    if (buffer < 1 || buffer > maxCompletionLength) {
      throw new IllegalArgumentException(
          "overlong buffer must be in [1, max_completion_length=" + maxCompletionLength + "], was " + buffer);
    }
    this.maxCompletionLength = maxCompletionLength;
    this.buffer = buffer;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double score(Completion completion, RewardContext context) {
    int length = completion.tokens();
    int softStart = maxCompletionLength - buffer;
    if (length <= softStart) {
      return 0.0;
    }
    if (length <= maxCompletionLength) {
      return (softStart - length) / (double) buffer;
    }
    return -1.0;
  }
}
