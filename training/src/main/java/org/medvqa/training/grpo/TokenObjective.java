package org.medvqa.training.grpo;

import ai.djl.ndarray.NDArray;

/**
 * GRPO's per-token loss, before any reduction (shapes (B, T); advantages (B)):
 *
 * <pre>
 *   rho  = exp(logp_theta - logp_old)
 *   surr = min(rho * A, clip(rho, 1 - epsilon, 1 + epsilon_high) * A)
 *   loss = -surr + beta * k3(logp_ref, logp_theta)
 * </pre>
 *
 * Also returns the clip indicators TRL logs: low-clipped where {@code rho < 1 - epsilon} and
 * {@code A < 0}, high-clipped where {@code rho > 1 + epsilon_high} and {@code A > 0} (the tokens whose
 * gradient the clip removed).
 */
public final class TokenObjective {

  /** Per-token loss, the k3 KL (null when beta is 0) and the 0/1 clip indicators, all (B, T). */
  public record Terms(NDArray loss, NDArray kl, NDArray lowClipped, NDArray highClipped) {}

  private TokenObjective() {}

  public static Terms compute(
      NDArray logp, NDArray oldLogp, NDArray refLogp, NDArray advantages,
      double epsilon, double epsilonHigh, double beta) {
    NDArray a = advantages.reshape(-1, 1);                                   // (B, 1)
    NDArray rho = logp.sub(oldLogp).exp();                                   // (B, T)
    NDArray clipped = rho.clip(1 - epsilon, 1 + epsilonHigh);                // (B, T)
    NDArray surrogate = rho.mul(a).minimum(clipped.mul(a));                  // (B, T)
    NDArray loss = surrogate.neg();
    NDArray kl = null;
    if (beta != 0) {
      kl = KlEstimator.k3(refLogp, logp);
      loss = loss.add(kl.mul(beta));
    }
    NDArray r = rho.stopGradient();
    NDArray low = r.lt(1 - epsilon).logicalAnd(a.lt(0)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    NDArray high = r.gt(1 + epsilonHigh).logicalAnd(a.gt(0)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    return new Terms(loss, kl, low, high);
  }
}
