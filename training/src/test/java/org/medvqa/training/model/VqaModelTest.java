package org.medvqa.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VqaModelTest {
  private static VqaModel model;

  @BeforeAll
  static void createModel() {
    model = TinyModels.tinyModel(3);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @Test
  void batchedGenerationOfDifferentLengthPromptsEqualsGeneratingEachAlone() {
    List<VqaPrompt> prompts = TinyModels.prompts(
        TinyModels.randomImage(1, 32), TinyModels.randomImage(2, 48), TinyModels.randomImage(3, 20));
    List<Completion> batched = model.generate(prompts, GenerationOptions.greedy(12));
    for (int i = 0; i < prompts.size(); i++) {
      Completion alone = model.generate(List.of(prompts.get(i)), GenerationOptions.greedy(12)).get(0);
      assertThat(batched.get(i).tokenIds()).containsExactly(alone.tokenIds());
      for (int j = 0; j < alone.logProbs().length; j++) {
        assertThat(batched.get(i).logProbs()[j]).isCloseTo(alone.logProbs()[j], within(1e-4f));
      }
    }
    assertThat(batched.get(0).finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(batched.get(0).tokenIds()).hasSize(12);
  }

  @Test
  void cachedGenerationLogProbsMatchTeacherForcedLogProbs() {
    List<VqaPrompt> prompts = TinyModels.prompts(
        TinyModels.randomImage(4, 32), TinyModels.randomImage(5, 32), TinyModels.randomImage(6, 32));
    List<Completion> sampled = model.generate(prompts, GenerationOptions.sampling(10, 1.0f, 1.0f, 42));
    List<int[]> ids = new ArrayList<>();
    sampled.forEach(c -> ids.add(c.tokenIds()));
    try (NDManager m = model.manager().newSubManager()) {
      TokenLogProbs lp = model.logProbs(m, prompts, ids, false);
      float[] flat = lp.logProbs().toFloatArray();
      int c = (int) lp.logProbs().getShape().get(1);
      for (int i = 0; i < sampled.size(); i++) {
        for (int j = 0; j < sampled.get(i).logProbs().length; j++) {
          assertThat(flat[i * c + j]).isCloseTo(sampled.get(i).logProbs()[j], within(1e-4f));
        }
      }
    }
  }

  @Test
  void samplingIsSeededAndPromptsSharingAnImageReuseItsPrefix() {
    ModelImage image = TinyModels.randomImage(9, 32);
    List<VqaPrompt> group = new ArrayList<>();
    for (int g = 0; g < 6; g++) {
      group.add(new VqaPrompt(image, "Is there a nodule?"));
    }
    List<Completion> a = model.generate(group, GenerationOptions.sampling(8, 1.5f, 0.95f, 11));
    List<Completion> b = model.generate(group, GenerationOptions.sampling(8, 1.5f, 0.95f, 11));
    for (int g = 0; g < group.size(); g++) {
      assertThat(a.get(g).tokenIds()).containsExactly(b.get(g).tokenIds());
    }
    assertThat(a.stream().map(c -> java.util.Arrays.toString(c.tokenIds())).distinct().count()).isGreaterThan(1);
    Completion greedyShared = model.generate(group, GenerationOptions.greedy(8)).get(5);
    Completion greedyAlone = model.generate(List.of(new VqaPrompt(image, "Is there a nodule?")), GenerationOptions.greedy(8)).get(0);
    assertThat(greedyShared.tokenIds()).containsExactly(greedyAlone.tokenIds());
  }

  @Test
  void logProbsDependOnTheImageAndCarryGradientsIntoTheEncoderAndTheDetector() {
    int[] completion = model.completionIds(ResponseFormat.format("A bright spot.", "yes"));
    List<VqaPrompt> prompts = TinyModels.prompts(TinyModels.randomImage(7, 32), TinyModels.randomImage(8, 32));
    try (NDManager m = model.manager().newSubManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      TokenLogProbs lp = model.logProbs(m, prompts, List.of(completion, completion), true);
      float[] rows = lp.logProbs().sum(new int[] {1}).toFloatArray();
      assertThat(rows[0]).isNotCloseTo(rows[1], within(1e-6f));
      collector.backward(lp.logProbs().sum().neg());
      for (String name : List.of("encoder.patch_embed.weight", "fusion.detector.0.weight", "fusion.question.weight")) {
        NDArray grad = model.parameters().get(name).getArray().getGradient();
        assertThat(grad.abs().sum().getFloat()).as(name).isGreaterThan(0f);
      }
      collector.zeroGradients();
    }
  }

  @Test
  void generationLeavesNoArraysBehindInTheModelManager() {
    List<VqaPrompt> prompts = TinyModels.prompts(TinyModels.randomImage(1, 32), TinyModels.randomImage(2, 32));
    model.generate(prompts, GenerationOptions.greedy(4));
    int before = model.manager().getManagedArrays().size();
    for (int i = 0; i < 3; i++) {
      model.generate(prompts, GenerationOptions.sampling(16, 1f, 0.9f, i));
    }
    assertThat(model.manager().getManagedArrays().size()).isEqualTo(before);
  }
}
