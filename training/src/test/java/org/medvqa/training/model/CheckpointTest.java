package org.medvqa.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  @Test
  void savedModelLoadsWithTheSameWeightsGenerationsAndProvenance(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("model");
    List<VqaPrompt> prompts = TinyModels.prompts(TinyModels.randomImage(1, 32), TinyModels.randomImage(2, 32));
    try (VqaModel model = TinyModels.tinyModel(5)) {
      model.save(dir, Provenance.untrained("checkpoint test"));
      List<Completion> before = model.generate(prompts, GenerationOptions.greedy(10));
      try (VqaModel back = VqaModel.load(dir)) {
        assertThat(back.config()).isEqualTo(model.config());
        assertThat(back.weights().get("decoder.layers.0.qkv.weight")).containsExactly(model.weights().get("decoder.layers.0.qkv.weight"));
        List<Completion> after = back.generate(prompts, GenerationOptions.greedy(10));
        for (int i = 0; i < prompts.size(); i++) {
          assertThat(after.get(i).tokenIds()).containsExactly(before.get(i).tokenIds());
        }
      }
      // saving again over an existing model replaces it and leaves no temporary directories behind
      model.save(dir, Provenance.untrained("second save"));
    }
    assertThat(Checkpoint.provenance(dir).description()).isEqualTo("second save");
    assertThat(Files.list(tmp).map(p -> p.getFileName().toString()).toList()).containsExactly("model");
    assertThat(Files.readString(dir.resolve("MODEL_CARD.md"))).contains("byte-level BPE", "Not a medical device",
        "convolutional stem: none; pooled detector read through a question gate: 8 channels");
    assertThat(Files.readString(dir.resolve("config.json"))).contains("\"architecture\"", "\"provenance\"", "\"sha256\"");
  }

  @Test
  void modelDirectoriesWrittenBeforeTheStemAndTheDetectorLoadWithoutThem(@TempDir Path tmp) throws Exception {
    ModelConfig plain = new ModelConfig("plain", 32, 1, 8, 32, 2, 1, 1, 2, 0, 96, 0, 0);
    Path dir = tmp.resolve("model");
    try (VqaModel model = VqaModel.create(plain, TinyModels.tokenizer(), ImagePreprocessor.identity(plain), 3)) {
      model.save(dir, Provenance.untrained("older layout"));
    }
    Path config = dir.resolve(Checkpoint.CONFIG);
    String older = Files.readString(config).replaceAll(",\\s*\"(stem|detector)_channels\"\\s*:\\s*0", "");
    assertThat(older).doesNotContain("stem_channels", "detector_channels");
    Files.writeString(config, older);
    try (VqaModel back = VqaModel.load(dir)) {
      assertThat(back.config().stemChannels()).isZero();
      assertThat(back.config().detectorChannels()).isZero();
      assertThat(back.parameters().keySet()).noneMatch(name -> name.startsWith("fusion."));
    }
  }

  @Test
  void refusesMissingIncompleteAndCorruptModelDirectories(@TempDir Path tmp) throws Exception {
    assertThatThrownBy(() -> VqaModel.load(tmp.resolve("nope")))
        .isInstanceOf(ModelDirectoryException.class).hasMessageContaining("does not exist");
    Path dir = tmp.resolve("model");
    try (VqaModel model = TinyModels.tinyModel(5)) {
      model.save(dir, Provenance.untrained("t"));
    }
    byte[] params = Files.readAllBytes(dir.resolve(Checkpoint.PARAMETERS));
    params[params.length - 3] ^= 0x55;
    Files.write(dir.resolve(Checkpoint.PARAMETERS), params);
    assertThatThrownBy(() -> VqaModel.load(dir))
        .isInstanceOf(ModelDirectoryException.class).hasMessageContaining("corrupt");
    Files.write(dir.resolve(Checkpoint.PARAMETERS), java.util.Arrays.copyOf(params, params.length / 2));
    assertThatThrownBy(() -> VqaModel.load(dir)).isInstanceOf(ModelDirectoryException.class);
    Files.delete(dir.resolve(Checkpoint.TOKENIZER));
    assertThatThrownBy(() -> VqaModel.load(dir))
        .isInstanceOf(ModelDirectoryException.class).hasMessageContaining("tokenizer.json is missing");
    Files.writeString(dir.resolve(Checkpoint.CONFIG), "{ broken");
    Files.writeString(dir.resolve(Checkpoint.TOKENIZER), "{}");
    assertThatThrownBy(() -> VqaModel.load(dir))
        .isInstanceOf(ModelDirectoryException.class).hasMessageContaining("not valid JSON");
  }
}
