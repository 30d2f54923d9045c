package org.medvqa.training.grpo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rollout says before any update: mean total reward and its within-group spread, each reward
 * component, {@code frac_reward_zero_std}, accuracy, and completion lengths (tokens) of right and wrong
 * answers, the quantity behind GRPO's length bias.
 */
final class RolloutMetrics {
  private RolloutMetrics() {}

  static Map<String, Double> of(Rollout r) {
    Map<String, Double> m = new LinkedHashMap<>();
    int n = r.rows();
    m.put("reward", Advantages.mean(r.totals(), 0, n));
    double stdSum = 0;
    int groups = n / r.groupSize();
    for (int g = 0; g < groups; g++) {
      stdSum += Advantages.std(r.totals(), g * r.groupSize(), (g + 1) * r.groupSize());
    }
    m.put("reward_std", stdSum / groups);
    for (String name : r.rewards().names()) {
      double[] col = r.rewards().column(name);
      m.put("reward/" + name, Advantages.mean(col, 0, col.length));
    }
    m.put("frac_reward_zero_std", DynamicSampling.fracRewardZeroStd(r.totals(), r.groupSize()));
    double correct = 0, lenCorrect = 0, lenWrong = 0, lenAll = 0, truncated = 0;
    for (int i = 0; i < n; i++) {
      int len = r.completions().get(i).tokenIds().length;
      lenAll += len;
      if (r.correct()[i]) {
        correct++;
        lenCorrect += len;
      } else {
        lenWrong += len;
      }
      if (r.truncated(i)) {
        truncated++;
      }
    }
    m.put("accuracy", correct / n);
    m.put("completions/mean_length", lenAll / n);
    m.put("completions/length_correct", correct == 0 ? Double.NaN : lenCorrect / correct);
    m.put("completions/length_incorrect", correct == n ? Double.NaN : lenWrong / (n - correct));
    m.put("completions/truncated_ratio", truncated / n);
    return m;
  }
}
