package org.medvqa.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medvqa.training.model.ImagePreprocessor;
import org.medvqa.training.model.ModelConfig;
import org.medvqa.training.model.Provenance;
import org.medvqa.training.model.ResponseFormat;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

/** A real {@link VqaModel} (the smallest preset, untrained, seeded) written as a model directory. */
final class TinyModel {
  private TinyModel() {}

  static Path write(Path dir, long seed) {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    List<String> corpus = List.of("Is there a nodule?", "Which side is the lesion on?",
        ResponseFormat.format("A bright round spot in the left lung.", "yes"),
        ResponseFormat.format("Nothing focal is seen.", "no"));
    ModelConfig config = ModelConfig.tiny();
    try (VqaModel model = VqaModel.create(config, BpeTokenizer.train(corpus, 300), ImagePreprocessor.identity(config), seed)) {
      model.save(dir, Provenance.untrained("end-to-end test model, seed " + seed));
    }
    return dir;
  }
}
