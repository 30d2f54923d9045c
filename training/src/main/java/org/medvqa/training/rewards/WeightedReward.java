package org.medvqa.training.rewards;

import java.util.Objects;

/** A reward function and its entry in {@code reward_weights}. */
public record WeightedReward(RewardFunction function, double weight) {
  public WeightedReward {
    Objects.requireNonNull(function, "function");
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight of " + function.name() + " must be finite, was " + weight);
    }
  }
}
