package org.medvqa.training.grpo;

import ai.djl.ndarray.NDArray;

/**
 * {@code loss_type = dr_grpo}: token sum / (B x max_completion_length), a constant denominator, so no
 * completion's tokens are up- or down-weighted by its length. For one prompt B = G, DESIGN.md's
 * {@code G * max_completion_length}.
 */
public final class DrGrpoLoss implements GrpoLoss {
  @Override
  public NDArray reduce(NDArray perTokenLoss, NDArray mask, int maxCompletionLength) {
    long sequences = perTokenLoss.getShape().get(0);
    return perTokenLoss.mul(mask).sum().div((float) (sequences * maxCompletionLength));
  }
}
