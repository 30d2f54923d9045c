package org.medvqa.training.rewards;

/**
 * One column of TRL's prompts x reward-functions matrix: a pure function of a completion and what it
 * is judged against. Implementations hold only configuration, never state that changes between calls.
 */
public interface RewardFunction {

  /** The component's name in logs, JSON and {@code reward_weights}. */
  String name();

  double score(Completion completion, RewardContext context);
}
