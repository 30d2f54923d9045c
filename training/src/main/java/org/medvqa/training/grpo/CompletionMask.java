package org.medvqa.training.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Which completion tokens enter the loss: shape (B, T), 1 for the first {@code lengths[b]} tokens of row
 * b (the generated tokens up to and including the stop token), 0 for padding. With {@code
 * mask_truncated_completions} a row that hit {@code max_completion_length} without a stop token is
 * masked out entirely (DAPO: a cut-off completion is no evidence about its answer).
 */
public final class CompletionMask {
  private CompletionMask() {}

  public static NDArray of(
      NDManager manager, int[] lengths, boolean[] truncated, int maxLength, boolean maskTruncated) {
    if (lengths.length != truncated.length) {
      throw new IllegalArgumentException(lengths.length + " lengths but " + truncated.length + " truncation flags");
    }
    float[] mask = new float[lengths.length * maxLength];
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] < 0 || lengths[b] > maxLength) {
        throw new IllegalArgumentException("completion length " + lengths[b] + " outside [0, " + maxLength + "]");
      }
      if (maskTruncated && truncated[b]) {
        continue;
      }
      for (int t = 0; t < lengths[b]; t++) {
        mask[b * maxLength + t] = 1f;
      }
    }
    return manager.create(mask, new Shape(lengths.length, maxLength)); // (B, T)
  }
}
