/**
 * GRPO as small pure pieces that read against DESIGN.md's formulas: {@link
 * org.medvqa.training.grpo.GrpoConfig} (TRL's GRPOConfig names), {@link
 * org.medvqa.training.grpo.Advantages}, {@link org.medvqa.training.grpo.TokenObjective} (clipped
 * surrogate and k3 KL), one {@link org.medvqa.training.grpo.GrpoLoss} class per {@code loss_type},
 * {@link org.medvqa.training.grpo.CompletionMask} and {@link org.medvqa.training.grpo.DynamicSampling};
 * then the rollouts and the trainer that put them together.
 */
package org.medvqa.training.grpo;
