package org.medvqa.training.grpo;

import java.util.ArrayList;
import java.util.List;

/**
 * DAPO's dynamic sampling: a group whose G rewards all agree has zero advantage everywhere and so
 * carries no policy-gradient signal (only KL); such groups are dropped. {@code frac_reward_zero_std}
 * is logged whether or not they are dropped.
 */
public final class DynamicSampling {
  /** Rewards closer than this count as equal. */
  static final double TOLERANCE = 1e-9;

  private DynamicSampling() {}

  /** Indices of the groups whose rewards differ. */
  public static List<Integer> informativeGroups(double[] rewards, int groupSize) {
    int groups = Advantages.groupCount(rewards, groupSize);
    List<Integer> kept = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      if (!allAgree(rewards, g * groupSize, (g + 1) * groupSize)) {
        kept.add(g);
      }
    }
    return kept;
  }

  /** The fraction of groups whose rewards all agree (TRL's {@code frac_reward_zero_std}). */
  public static double fracRewardZeroStd(double[] rewards, int groupSize) {
    int groups = Advantages.groupCount(rewards, groupSize);
    return groups == 0 ? 0 : 1.0 - informativeGroups(rewards, groupSize).size() / (double) groups;
  }

  private static boolean allAgree(double[] x, int from, int to) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      min = Math.min(min, x[i]);
      max = Math.max(max, x[i]);
    }
    return max - min <= TOLERANCE;
  }
}
