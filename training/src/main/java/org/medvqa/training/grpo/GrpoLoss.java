package org.medvqa.training.grpo;

import ai.djl.ndarray.NDArray;

/**
 * Reduces per-token losses (B, T) under a completion mask (B, T) to the scalar that is differentiated.
 * One class per TRL {@code loss_type}; {@link LossType#loss()} picks it.
 */
public interface GrpoLoss {
  NDArray reduce(NDArray perTokenLoss, NDArray mask, int maxCompletionLength);

  /** Masked mean of any (B, T) statistic over all completion tokens (for logging KL, clip fraction, entropy). */
  static NDArray maskedMean(NDArray values, NDArray mask) {
    return values.mul(mask).sum().div(mask.sum().maximum(1f));
  }
}
