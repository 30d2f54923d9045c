package org.medvqa.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class AutogradOffTest {
  private static final Executor FRESH_THREAD = runnable -> new Thread(runnable).start();

  @Test
  void onAFreshThreadOperationsOnParametersRecordAGraphExceptInsideTheScope() throws Exception {
    try (VqaModel model = TinyModels.tinyModel(1)) {
      NDArray weight = model.parameters().get("decoder.position").getArray();
      CompletableFuture.runAsync(() -> { // not the thread that loaded the engine
        try (NDManager m = model.newManager()) {
          assertThat(JniUtils.isGradMode()).as("PyTorch's default on a new thread, which DJL leaves on").isTrue();
          backward(weight.mul(2f).sum()); // a graph was recorded: backward runs
          try (AutogradOff off = AutogradOff.onThisThread()) {
            NDArray untracked = weight.mul(2f).sum();
            assertThatThrownBy(() -> backward(untracked)).isInstanceOf(EngineException.class)
                .hasMessageContaining("does not require grad");
          }
          assertThat(JniUtils.isGradMode()).as("restored").isTrue();
        }
      }, FRESH_THREAD).get();
    }
  }

  @Test
  void generationOnAFreshThreadLeavesItsGradModeAsItFoundIt() throws Exception {
    try (VqaModel model = TinyModels.tinyModel(2)) {
      boolean after = CompletableFuture.supplyAsync(() -> {
        model.generate(TinyModels.prompts(TinyModels.randomImage(1, 32)), GenerationOptions.greedy(3));
        return JniUtils.isGradMode();
      }, FRESH_THREAD).get();
      assertThat(after).isTrue();
    }
  }

  private static void backward(NDArray scalar) {
    JniUtils.backward((PtNDArray) scalar, (PtNDArray) scalar.onesLike(), false, false);
  }
}
