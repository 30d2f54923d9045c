package org.medvqa.training.grpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token objective, the KL estimator, masks and each loss type on small tensors, against hand values. */
class LossMathsTest {
  private static NDManager nd;

  @BeforeAll
  static void engine() {
    nd = Engine.getEngine("PyTorch").newBaseManager();
  }

  @AfterAll
  static void close() {
    nd.close();
  }

  private static NDArray t(float[] values, long... shape) {
    return nd.create(values, new Shape(shape));
  }

  private static float ln(double x) {
    return (float) Math.log(x);
  }

  // rho = [[1.5, 0.9], [0.5, 1.1]] with logp_old = 0; A = [1, -2]; epsilon 0.2, epsilon_high 0.28
  private static NDArray logp() {
    return t(new float[] {ln(1.5), ln(0.9), ln(0.5), ln(1.1)}, 2, 2);
  }

  private static final NDArray zeros() {
    return nd.zeros(new Shape(2, 2));
  }

  @Test
  void surrogateTakesTheClippedSideAndFlagsClippedTokens() {
    var terms = TokenObjective.compute(logp(), zeros(), null, t(new float[] {1, -2}, 2), 0.2, 0.28, 0);
    // row 0 (A=1): min(1.5, 1.28) = 1.28, min(0.9, 0.9) = 0.9
    // row 1 (A=-2): min(-1.0, 0.8 * -2) = -1.6, min(-2.2, -2.2) = -2.2; loss = -surrogate
    assertThat(terms.loss().toFloatArray()).containsExactly(new float[] {-1.28f, -0.9f, 1.6f, 2.2f}, within(1e-6f));
    assertThat(terms.highClipped().toFloatArray()).containsExactly(1, 0, 0, 0);
    assertThat(terms.lowClipped().toFloatArray()).containsExactly(0, 0, 1, 0);
    assertThat(terms.kl()).isNull();
  }

  @Test
  void clippedTokensGetNoGradient() {
    NDArray logp = logp();
    logp.setRequiresGradient(true);
    try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
      var terms = TokenObjective.compute(logp, zeros(), null, t(new float[] {1, -2}, 2), 0.2, 0.28, 0);
      NDArray loss = new SequenceMeanLoss().reduce(terms.loss(), nd.ones(new Shape(2, 2)), 2);
      gc.backward(loss);
    }
    // unclipped: d(-rho*A)/dlogp = -rho*A, divided by 2 tokens and 2 sequences
    assertThat(logp.getGradient().toFloatArray())
        .containsExactly(new float[] {0f, -0.9f / 4, 0f, 2.2f / 4}, within(1e-6f));
  }

  @Test
  void k3IsTheUnbiasedNonNegativeKlEstimator() {
    // d = logp_ref - logp = [0, -ln 2, ln 2]: k3 = [0, 0.5 + ln 2 - 1, 2 - ln 2 - 1]
    NDArray k3 = KlEstimator.k3(t(new float[] {0, 0, 0}, 1, 3), t(new float[] {0, ln(2), -ln(2)}, 1, 3));
    assertThat(k3.toFloatArray()).containsExactly(new float[] {0f, 0.193147f, 0.306853f}, within(1e-6f));
  }

  @Test
  void betaAddsTheWeightedKlToEachToken() {
    NDArray ref = zeros();
    var terms = TokenObjective.compute(logp(), zeros(), ref, t(new float[] {1, -2}, 2), 0.2, 0.28, 0.1);
    float[] kl = terms.kl().toFloatArray();
    // k3 at rho = 1.5: 1/1.5 + ln 1.5 - 1
    assertThat(kl[0]).isCloseTo(0.0721318f, within(1e-6f));
    assertThat(terms.loss().toFloatArray()[0]).isCloseTo(-1.28f + 0.1f * kl[0], within(1e-6f));
  }

  // per-token losses [[1, 2, 3], [4, 5, 6]] under mask [[1, 1, 0], [1, 0, 0]]
  private static NDArray perToken() {
    return t(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
  }

  private static NDArray mask() {
    return CompletionMask.of(nd, new int[] {2, 1}, new boolean[] {false, false}, 3, false);
  }

  @Test
  void grpoLossIsTheMeanOfSequenceMeans() {
    // (1 + 2) / 2 = 1.5 and 4 / 1 = 4; mean 2.75
    assertThat(LossType.GRPO.loss().reduce(perToken(), mask(), 3).getFloat()).isCloseTo(2.75f, within(1e-6f));
  }

  @Test
  void drGrpoLossDividesTheTokenSumBySequencesTimesMaxLength() {
    // (1 + 2 + 4) / (2 * 3)
    assertThat(LossType.DR_GRPO.loss().reduce(perToken(), mask(), 3).getFloat()).isCloseTo(7 / 6f, within(1e-6f));
  }

  @Test
  void dapoLossDividesTheTokenSumByAllCompletionTokens() {
    // (1 + 2 + 4) / 3 tokens
    assertThat(LossType.DAPO.loss().reduce(perToken(), mask(), 3).getFloat()).isCloseTo(7 / 3f, within(1e-6f));
  }

  @Test
  void maskCoversTheCompletionAndDropsTruncatedRowsOnRequest() {
    int[] lengths = {3, 1, 4};
    boolean[] truncated = {false, false, true};
    assertThat(CompletionMask.of(nd, lengths, truncated, 4, false).toFloatArray())
        .containsExactly(1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1);
    assertThat(CompletionMask.of(nd, lengths, truncated, 4, true).toFloatArray())
        .containsExactly(1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void aFullyMaskedBatchGivesZeroLossNotNaN() {
    NDArray none = CompletionMask.of(nd, new int[] {2, 1}, new boolean[] {true, true}, 3, true);
    for (LossType type : LossType.values()) {
      assertThat(type.loss().reduce(perToken(), none, 3).getFloat()).as(type.name()).isEqualTo(0f);
    }
  }
}
