/**
 * GRPO's rewards as pure functions, TRL-style: each {@link org.medvqa.training.rewards.RewardFunction}
 * maps one (completion, context) pair to a number, and {@link org.medvqa.training.rewards.RewardScorer}
 * fills the prompts x reward-functions matrix and sums it with {@code reward_weights}.
 *
 * <p>The components of DESIGN.md: format, accuracy routed by question type, semantic alignment through
 * the terminology module, and the length rewards (ECR, CWR, DAPO's soft overlong penalty). Nothing here
 * touches tensors or the model, so {@code medvqa score} and {@code POST /api/v1/score} use the same code
 * as training.
 */
package org.medvqa.training.rewards;
