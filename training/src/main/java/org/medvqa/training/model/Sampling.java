package org.medvqa.training.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Temperature + nucleus (top-p) sampling from log-probabilities: p_j ∝ exp(logp_j / T); keep the most
 * probable tokens until their mass reaches top_p (at least one), renormalise, draw once.
 */
final class Sampling {
  private Sampling() {}

  static int sample(float[] logp, int offset, int v, float temperature, float topP, SplittableRandom random) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < v; j++) {
      max = Math.max(max, logp[offset + j] / temperature);
    }
    double[] p = new double[v];
    double total = 0;
    for (int j = 0; j < v; j++) {
      p[j] = Math.exp(logp[offset + j] / temperature - max);
      total += p[j];
    }
    Integer[] order = new Integer[v];
    for (int j = 0; j < v; j++) {
      order[j] = j;
    }
    final double[] probs = p;
    Arrays.sort(order, (a, c) -> Double.compare(probs[c], probs[a]));
    double kept = 0;
    int keep = 0;
    while (keep < v && (keep == 0 || kept < topP * total)) {
      kept += p[order[keep]];
      keep++;
    }
    double draw = random.nextDouble() * kept;
    for (int r = 0; r < keep; r++) {
      draw -= p[order[r]];
      if (draw <= 0) {
        return order[r];
      }
    }
    return order[keep - 1];
  }
}
