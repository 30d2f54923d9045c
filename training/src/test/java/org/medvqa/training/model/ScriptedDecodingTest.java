package org.medvqa.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The TorchScript-compiled decoder step against the DJL blocks it restates. */
class ScriptedDecodingTest {

  /** The tiny preset (one layer, a detector), and two layers without a detector: both branches of the script. */
  static List<ModelConfig> configs() {
    ModelConfig tiny = ModelConfig.tiny();
    ModelConfig plain = new ModelConfig("plain", 32, 1, 8, 32, 4, 1, 2, 2, 0, 96, 8, 0);
    return List.of(tiny, plain);
  }

  private static VqaModel model(ModelConfig config, long seed) {
    return VqaModel.create(config, TinyModels.tokenizer(), ImagePreprocessor.identity(config), seed);
  }

  @ParameterizedTest
  @MethodSource("configs")
  void compiledStepsGiveTheTokensAndLogProbsOfTheBlocks(ModelConfig config) {
    try (VqaModel model = model(config, 5)) {
      List<VqaPrompt> prompts = TinyModels.prompts( // different lengths: left padding, so the bias path too
          TinyModels.randomImage(1, 32), TinyModels.randomImage(2, 32), TinyModels.randomImage(3, 32));
      for (GenerationOptions options : List.of(GenerationOptions.greedy(12), GenerationOptions.sampling(12, 1f, 0.9f, 7))) {
        assertSameCompletions(
            model.generate(prompts, options, VqaModel.Decoder.SCRIPTED),
            model.generate(prompts, options, VqaModel.Decoder.BLOCKS));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("configs")
  void theCompiledStepReadsTheParametersAsTheyAreNow(ModelConfig config) {
    try (VqaModel model = model(config, 6); VqaModel other = model(config, 7)) {
      List<VqaPrompt> prompts = TinyModels.prompts(TinyModels.randomImage(4, 32), TinyModels.randomImage(5, 32));
      GenerationOptions options = GenerationOptions.sampling(10, 1f, 1f, 3);
      List<Completion> before = model.generate(prompts, options, VqaModel.Decoder.SCRIPTED);
      Map<String, float[]> updated = other.weights(); // as a GRPO update would, in place, between two rollouts
      model.loadWeights(updated);
      List<Completion> after = model.generate(prompts, options, VqaModel.Decoder.SCRIPTED);
      assertSameCompletions(after, other.generate(prompts, options, VqaModel.Decoder.BLOCKS));
      assertThat(after.get(0).logProbs()[0]).isNotCloseTo(before.get(0).logProbs()[0], within(1e-6f));
    }
  }

  private static void assertSameCompletions(List<Completion> scripted, List<Completion> blocks) {
    assertThat(scripted).hasSameSizeAs(blocks);
    for (int i = 0; i < blocks.size(); i++) {
      assertThat(scripted.get(i).tokenIds()).as("row %d", i).containsExactly(blocks.get(i).tokenIds());
      assertThat(scripted.get(i).finishReason()).isEqualTo(blocks.get(i).finishReason());
      for (int j = 0; j < blocks.get(i).logProbs().length; j++) {
        assertThat(scripted.get(i).logProbs()[j]).as("row %d token %d", i, j).isCloseTo(blocks.get(i).logProbs()[j], within(1e-5f));
      }
    }
  }
}
