package org.medvqa.training.grpo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which training examples step s uses: epochs of seeded shuffles, {@code promptsPerStep} indices per
 * step. A pure function of (seed, size, step), so a resumed run needs only the step number to continue
 * exactly where it stopped.
 */
public final class PromptSchedule {
  private final long seed;
  private final int size;
  private final int promptsPerStep;

  public PromptSchedule(long seed, int size, int promptsPerStep) {
    if (size < 1) {
      throw new IllegalArgumentException("no training examples");
    }
    if (promptsPerStep < 1) {
      throw new IllegalArgumentException("prompts_per_step must be >= 1");
    }
    this.seed = seed;
    this.size = size;
    this.promptsPerStep = promptsPerStep;
  }

  /** Example indices of step {@code step} (0-based); wraps into the next epoch's shuffle. */
  public List<Integer> indices(long step) {
    List<Integer> out = new ArrayList<>(promptsPerStep);
    long start = step * promptsPerStep;
    List<Integer> order = null;
    long epochOfOrder = -1;
    for (long k = start; k < start + promptsPerStep; k++) {
      long epoch = k / size;
      if (epoch != epochOfOrder) {
        order = shuffle(epoch);
        epochOfOrder = epoch;
      }
      out.add(order.get((int) (k % size)));
    }
    return out;
  }

  private List<Integer> shuffle(long epoch) {
    List<Integer> order = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
    return order;
  }

  /** A seed for everything random in step {@code step} (sampling), independent of earlier steps. */
  public static long stepSeed(long seed, long step) {
    long z = seed * 0x9E3779B97F4A7C15L + step;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
