package org.medvqa.training.grpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamWTest {

  private static Parameter param(NDManager m, float... values) {
    Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optArray(m.create(values)).build();
    p.getArray().setRequiresGradient(true);
    return p;
  }

  private static void backwardSquare(Parameter p) {
    try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      gc.backward(p.getArray().square().sum()); // gradient 2w
    }
  }

  @Test
  void firstStepMovesEachWeightByLrAgainstTheGradientSign() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu()); AdamW adam = AdamW.standard(Device.cpu())) {
      Parameter p = param(m, 1f, -2f, 0.5f);
      backwardSquare(p);
      double norm = adam.step(Map.of("w", p), 0.1, 100);
      // grads 2, -4, 1: norm sqrt(21); bias-corrected m/sqrt(v) = sign(g), so w -= 0.1 * sign(g)
      assertThat(norm).isCloseTo(Math.sqrt(21), within(1e-5));
      assertThat(p.getArray().toFloatArray()).containsExactly(new float[] {0.9f, -1.9f, 0.4f}, within(1e-5f));
      assertThat(p.getArray().getGradient().toFloatArray()).containsExactly(0f, 0f, 0f);
    }
  }

  @Test
  void clippingScalesTheGradientBeforeTheMoments() throws Exception {
    try (NDManager m = NDManager.newBaseManager(Device.cpu()); AdamW adam = AdamW.standard(Device.cpu())) {
      Parameter p = param(m, 3f, 4f);
      backwardSquare(p); // grads 6, 8: norm 10
      assertThat(adam.step(Map.of("w", p), 0.0, 1.0)).isCloseTo(10, within(1e-5));
      // lr 0 leaves the weights; the saved moments show the clipped gradient 0.6, 0.8
      var bytes = new ByteArrayOutputStream();
      adam.save(bytes);
      try (AdamW restored = AdamW.standard(Device.cpu())) {
        restored.load(new ByteArrayInputStream(bytes.toByteArray()), Map.of("w", p));
        assertThat(restored.steps()).isEqualTo(1);
        var again = new ByteArrayOutputStream();
        restored.save(again);
        assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());
      }
    }
  }

  @Test
  void restoredStateContinuesExactlyAsTheOriginal() throws Exception {
    try (NDManager m = NDManager.newBaseManager(Device.cpu());
        AdamW a = AdamW.standard(Device.cpu());
        AdamW b = AdamW.standard(Device.cpu())) {
      Parameter pa = param(m, 1f, 2f);
      Parameter pb = param(m, 1f, 2f);
      backwardSquare(pa);
      a.step(Map.of("w", pa), 0.05, 10);
      var bytes = new ByteArrayOutputStream();
      a.save(bytes);
      b.load(new ByteArrayInputStream(bytes.toByteArray()), Map.of("w", pb));
      pb.getArray().set(pa.getArray().toFloatArray());
      backwardSquare(pa);
      backwardSquare(pb);
      a.step(Map.of("w", pa), 0.05, 10);
      b.step(Map.of("w", pb), 0.05, 10);
      assertThat(pb.getArray().toFloatArray()).containsExactly(pa.getArray().toFloatArray());
    }
  }

  @Test
  void stepsLeaveNoArraysBehind() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu()); AdamW adam = AdamW.standard(Device.cpu())) {
      Parameter p = param(m, 1f, 2f);
      backwardSquare(p);
      adam.step(Map.of("w", p), 0.01, 1);
      int before = m.getManagedArrays().size();
      for (int i = 0; i < 5; i++) {
        backwardSquare(p);
        adam.step(Map.of("w", p), 0.01, 1);
      }
      assertThat(m.getManagedArrays().size()).isEqualTo(before);
    }
  }
}
