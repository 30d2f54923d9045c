package org.medvqa.training.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The PyTorch engine loads from the Maven Central native jar, offline, with nothing downloaded. */
class EngineOfflineTest {

  @Test
  void pytorchEngineRunsOfflineFromTheBundledNativeJar() {
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    Engine engine = Engine.getEngine("PyTorch");
    assertThat(engine.getVersion()).isEqualTo("2.5.1");
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray a = manager.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
      assertThat(a.matMul(a).toFloatArray()).containsExactly(7, 10, 15, 22);
    }
  }
}
