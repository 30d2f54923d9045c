package org.medvqa.training.grpo;

import ai.djl.ndarray.NDArray;

/** {@code loss_type = dapo}: token sum / all completion tokens in the batch (every token weighs alike). */
public final class TokenMeanLoss implements GrpoLoss {
  @Override
  public NDArray reduce(NDArray perTokenLoss, NDArray mask, int maxCompletionLength) {
    return GrpoLoss.maskedMean(perTokenLoss, mask);
  }
}
