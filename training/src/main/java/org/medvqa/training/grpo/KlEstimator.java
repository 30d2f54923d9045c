package org.medvqa.training.grpo;

import ai.djl.ndarray.NDArray;

/**
 * Schulman's k3 estimator of KL(pi_theta || pi_ref) per token, unbiased and never negative:
 *
 * <pre>  k3 = exp(logp_ref - logp_theta) - (logp_ref - logp_theta) - 1</pre>
 */
public final class KlEstimator {
  private KlEstimator() {}

  /** Shapes (B, T) in, (B, T) out. */
  public static NDArray k3(NDArray logpRef, NDArray logpTheta) {
    NDArray d = logpRef.sub(logpTheta);
    return d.exp().sub(d).sub(1);
  }
}
