package org.medvqa.training.grpo;

import ai.djl.ndarray.NDArray;

/**
 * {@code loss_type = grpo}: each sequence's token mean, then the mean over sequences. A short
 * completion's tokens weigh more than a long one's, the length bias Dr. GRPO removes.
 */
public final class SequenceMeanLoss implements GrpoLoss {
  @Override
  public NDArray reduce(NDArray perTokenLoss, NDArray mask, int maxCompletionLength) {
    NDArray perSequence = perTokenLoss.mul(mask).sum(new int[] {1})   // (B)
        .div(mask.sum(new int[] {1}).maximum(1f));                      // (B)
    return perSequence.mean();
  }
}
