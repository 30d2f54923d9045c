package org.medvqa.plugin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.plugin.engine.Answered;
import org.medvqa.plugin.engine.EngineConfig;
import org.medvqa.plugin.engine.InferenceEngine;

class ModelRegistryTest {
  @TempDir Path tmp;

  private static Question question(String text) {
    return new Question(new ModelImage(2, 2, new float[4]), text);
  }

  @Test
  void listsActivatesRollsBackAndVersionsByContent() throws Exception {
    Path root = tmp.resolve("models");
    TextFileModel.write(root.resolve("a"), "alpha");
    TextFileModel.write(root.resolve("b"), "beta");
    TextFileModel.write(root.resolve("c"), "alpha");
    try (ModelRegistry r = new ModelRegistry(root, TextFileModel.loader(0))) {
      assertThat(r.list()).extracting(ModelEntry::id).containsExactlyInAnyOrder("a", "b", "c");
      ModelInfo a = r.activate("a");
      ModelInfo b = r.activate("b");
      assertThat(a.version()).isNotEqualTo(b.version()).hasSize(12);
      assertThat(r.list()).filteredOn(ModelEntry::active).extracting(ModelEntry::id).containsExactly("b");
      assertThat(r.rollback().id()).isEqualTo("a");
      assertThat(r.activeInfo().orElseThrow().id()).isEqualTo("a");
      assertThat(r.rememberedActiveId()).contains("a");
      assertThatThrownBy(r::rollback).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> r.activate("../a")).isInstanceOf(UnknownModelException.class);
      assertThatThrownBy(() -> r.activate("nope")).isInstanceOf(UnknownModelException.class);
    }
  }

  @Test
  void corruptModelIsRefusedAndTheActiveOneKeepsServing() throws Exception {
    Path root = tmp.resolve("models");
    TextFileModel.write(root.resolve("good"), "good answer");
    Files.createDirectories(root.resolve("broken"));
    try (ModelRegistry r = new ModelRegistry(root, TextFileModel.loader(0));
        InferenceEngine engine = new InferenceEngine(r, EngineConfig.defaults())) {
      r.activate("good");
      assertThatThrownBy(() -> r.activate("broken")).isInstanceOf(InvalidModelException.class);
      assertThat(r.activeInfo().orElseThrow().id()).isEqualTo("good");
      assertThat(engine.answer(question("q")).completion()).contains("good answer");
    }
  }

  @Test
  void swappingUnderLoadNeverDropsOrMixesAnAnswer() throws Exception {
    Path root = tmp.resolve("models");
    TextFileModel.write(root.resolve("one"), "ONE");
    TextFileModel.write(root.resolve("two"), "TWO");
    try (ModelRegistry r = new ModelRegistry(root, TextFileModel.loader(5));
        InferenceEngine engine = new InferenceEngine(r, EngineConfig.defaults().withMaxBatch(4))) {
      r.activate("one");
      List<CompletableFuture<Answered>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(engine.submit(question("q" + i)));
        if (i % 25 == 0) {
          r.activate(i % 50 == 0 ? "two" : "one");
        }
      }
      for (CompletableFuture<Answered> f : futures) {
        Answered a = f.get();
        String expected = a.model().id().equals("one") ? "ONE" : "TWO";
        assertThat(a.completion()).contains("<answer>" + expected + "</answer>");
      }
      assertThat(TextFileModel.LOADED).noneMatch(m -> m.usedAfterClose.get());
    }
  }

  @Test
  void installMovesATrainedModelInUnderANewIdWithoutActivatingIt() throws Exception {
    Path root = tmp.resolve("models");
    TextFileModel.write(root.resolve("base"), "base");
    Path trained = TextFileModel.write(root.resolve(".job.training/model"), "trained");
    try (ModelRegistry r = new ModelRegistry(root, TextFileModel.loader(0))) {
      r.activate("base");
      ModelEntry e = r.install(trained, "grpo");
      assertThat(e.id()).isEqualTo("grpo-1");
      assertThat(e.active()).isFalse();
      assertThat(Files.exists(trained)).isFalse();
      assertThat(r.activeInfo().orElseThrow().id()).isEqualTo("base");
      assertThat(r.activate("grpo-1").id()).isEqualTo("grpo-1");
    }
  }

  @Test
  void timeoutIsReported() throws Exception {
    Path root = tmp.resolve("models");
    TextFileModel.write(root.resolve("slow"), "slow");
    try (ModelRegistry r = new ModelRegistry(root, TextFileModel.loader(300));
        InferenceEngine engine = new InferenceEngine(r, EngineConfig.defaults().withRequestTimeout(Duration.ofMillis(50)))) {
      r.activate("slow");
      assertThatThrownBy(() -> engine.answer(question("q")))
          .isInstanceOf(org.medvqa.plugin.engine.InferenceTimeoutException.class);
    }
  }
}
