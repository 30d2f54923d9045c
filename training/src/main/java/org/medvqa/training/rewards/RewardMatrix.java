package org.medvqa.training.rewards;

import java.util.List;

/**
 * TRL's rewards matrix: one row per completion, one column per reward function (unweighted), and the
 * weighted row sums that GRPO turns into advantages.
 */
public record RewardMatrix(List<String> names, double[] weights, double[][] values) {

  /** {@code total_i = sum_k weight_k * values[i][k]}. */
  public double[] totals() {
    double[] totals = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      for (int k = 0; k < weights.length; k++) {
        totals[i] += weights[k] * values[i][k];
      }
    }
    return totals;
  }

  /** One reward function's column. */
  public double[] column(String name) {
    int k = names.indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("no reward column " + name + "; have " + names);
    }
    double[] column = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      column[i] = values[i][k];
    }
    return column;
  }

  public int rows() {
    return values.length;
  }
}
