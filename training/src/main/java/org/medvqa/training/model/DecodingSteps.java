package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** The decoder steps of one generation over its reserved {@link KvCache} (see {@link VqaModel#decoding}). */
interface DecodingSteps extends AutoCloseable {
  /**
   * Runs t new positions per row; {@code bias} (B, 1, T, keys) flattened, or null when no key is masked.
   * Returns the next-token log-probabilities after each row's last position, (B, V) read row-major, in
   * {@code m}; the cache gains the t positions.
   */
  NDArray step(NDManager m, long[] tokens, long[] positions, float[] bias, int b, int t);

  @Override
  default void close() {}
}
