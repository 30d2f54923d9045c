package org.medvqa.plugin.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.plugin.model.ModelImage;
import org.medvqa.plugin.model.ModelRegistry;
import org.medvqa.plugin.model.Question;
import org.medvqa.plugin.model.TextFileModel;

class InferenceEngineTest {
  @TempDir Path tmp;

  private static Question q(int i) {
    return new Question(new ModelImage(1, 1, new float[] {0.5f}), "question " + i);
  }

  private ModelRegistry registry(long millisPerBatch) throws Exception {
    TextFileModel.write(tmp.resolve("models/m"), "yes");
    ModelRegistry r = new ModelRegistry(tmp.resolve("models"), TextFileModel.loader(millisPerBatch));
    r.activate("m");
    return r;
  }

  @Test
  void concurrentQuestionsShareBatchesAndEachGetsItsOwnAnswer() throws Exception {
    try (ModelRegistry r = registry(20);
        InferenceEngine engine = new InferenceEngine(r, EngineConfig.defaults().withMaxBatch(8).withMaxWait(Duration.ofMillis(5)))) {
      List<CompletableFuture<Answered>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        futures.add(engine.submit(q(i)));
      }
      int maxSeen = 0;
      for (int i = 0; i < 40; i++) {
        Answered a = futures.get(i).get();
        assertThat(a.completion()).contains("asked: question " + i + "<");
        assertThat(a.batchSize()).isBetween(1, 8);
        maxSeen = Math.max(maxSeen, a.batchSize());
      }
      assertThat(maxSeen).isEqualTo(8);
      assertThat(engine.batchesRun()).isLessThan(40);
      assertThat(engine.questionsAnswered()).isEqualTo(40);
    }
  }

  @Test
  void maxBatchOneTurnsBatchingOff() throws Exception {
    try (ModelRegistry r = registry(1);
        InferenceEngine engine = new InferenceEngine(r, EngineConfig.defaults().withMaxBatch(1))) {
      List<CompletableFuture<Answered>> futures = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        futures.add(engine.submit(q(i)));
      }
      for (CompletableFuture<Answered> f : futures) {
        assertThat(f.get().batchSize()).isEqualTo(1);
      }
      assertThat(engine.batchesRun()).isEqualTo(10);
    }
  }

  @Test
  void fullQueueIsRefusedWithARetryHint() throws Exception {
    try (ModelRegistry r = registry(200);
        InferenceEngine engine = new InferenceEngine(r, EngineConfig.defaults().withMaxBatch(1).withQueueCapacity(2))) {
      engine.submit(q(0));
      while (engine.queued() > 0) { // until the worker has taken question 0 (it then sleeps 200 ms on it)
        Thread.sleep(1);
      }
      engine.submit(q(1));
      engine.submit(q(2));
      assertThatThrownBy(() -> engine.submit(q(3)))
          .isInstanceOfSatisfying(QueueFullException.class, e -> assertThat(e.retryAfterSeconds()).isPositive());
    }
  }
}
