package org.medvqa.training.grpo;

/**
 * Group-relative advantages. Rewards come grouped: {@code rewards[g * G + i]} is completion i of prompt g.
 *
 * <pre>
 *   A_i = r_i - mean(r_group)                          scale_rewards = none
 *   A_i = (r_i - mean(r_group)) / (std(r_group) + 1e-4) scale_rewards = group
 *   A_i = (r_i - mean(r_group)) / (std(r_batch) + 1e-4) scale_rewards = batch
 * </pre>
 *
 * {@code std} is the sample standard deviation (n - 1), as {@code torch.std} in TRL.
 */
public final class Advantages {
  public static final double STD_EPSILON = 1e-4;

  private Advantages() {}

  public static double[] compute(double[] rewards, int groupSize, ScaleRewards scale) {
    int groups = groupCount(rewards, groupSize);
    double batchStd = std(rewards, 0, rewards.length);
    double[] advantages = new double[rewards.length];
    for (int g = 0; g < groups; g++) {
      int from = g * groupSize;
      int to = from + groupSize;
      double mean = mean(rewards, from, to);
      double divisor = switch (scale) {
        case NONE -> 1.0;
        case GROUP -> std(rewards, from, to) + STD_EPSILON;
        case BATCH -> batchStd + STD_EPSILON;
      };
      for (int i = from; i < to; i++) {
        advantages[i] = (rewards[i] - mean) / divisor;
      }
    }
    return advantages;
  }

  static int groupCount(double[] rewards, int groupSize) {
    if (groupSize < 1 || rewards.length % groupSize != 0) {
      throw new IllegalArgumentException(
          rewards.length + " rewards do not split into groups of " + groupSize);
    }
    return rewards.length / groupSize;
  }

  static double mean(double[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i];
    }
    return sum / (to - from);
  }

  /** Sample standard deviation; 0 for fewer than two values. */
  static double std(double[] x, int from, int to) {
    int n = to - from;
    if (n < 2) {
      return 0;
    }
    double mean = mean(x, from, to);
    double ss = 0;
    for (int i = from; i < to; i++) {
      ss += (x[i] - mean) * (x[i] - mean);
    }
    return Math.sqrt(ss / (n - 1));
  }
}
