package org.medvqa.training.grpo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The run's curves from {@code metrics.jsonl}: rewards, completion lengths, and the objective's health. */
public final class CurvePlots {
  private CurvePlots() {}

  public static void write(Path runDir) throws IOException {
    List<Map<String, Double>> rows = MetricsLog.read(runDir.resolve("metrics.jsonl"));
    if (rows.isEmpty()) {
      return;
    }
    double[] steps = MetricsLog.column(rows, "step");
    CurvePlot rewards = new CurvePlot("GRPO rewards (mean over the batch)", "step", "reward");
    rewards.add("total", steps, smooth(MetricsLog.column(rows, "reward")));
    rows.get(0).keySet().stream().filter(k -> k.startsWith("reward/"))
        .forEach(k -> rewards.add(k.substring(7), steps, smooth(MetricsLog.column(rows, k))));
    rewards.add("frac_reward_zero_std", steps, smooth(MetricsLog.column(rows, "frac_reward_zero_std")));
    rewards.write(runDir.resolve("plots/rewards.png"));

    new CurvePlot("Completion length (tokens)", "step", "tokens")
        .add("correct", steps, smooth(MetricsLog.column(rows, "completions/length_correct")))
        .add("incorrect", steps, smooth(MetricsLog.column(rows, "completions/length_incorrect")))
        .add("all", steps, smooth(MetricsLog.column(rows, "completions/mean_length")))
        .write(runDir.resolve("plots/length.png"));

    new CurvePlot("Objective", "step", "value")
        .add("kl", steps, smooth(MetricsLog.column(rows, "objective/kl")))
        .add("clip_ratio", steps, smooth(MetricsLog.column(rows, "objective/clip_ratio")))
        .add("entropy", steps, smooth(MetricsLog.column(rows, "objective/entropy")))
        .write(runDir.resolve("plots/objective.png"));
  }

  /** Trailing mean over up to 10 finite points, so noisy per-step values read as a trend. */
  static double[] smooth(double[] y) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      double sum = 0;
      int n = 0;
      for (int j = Math.max(0, i - 9); j <= i; j++) {
        if (Double.isFinite(y[j])) {
          sum += y[j];
          n++;
        }
      }
      out[i] = n == 0 ? Double.NaN : sum / n;
    }
    return out;
  }
}
