package org.medvqa.plugin.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medvqa.training.model.ImagePreprocessor;
import org.medvqa.training.model.ModelConfig;
import org.medvqa.training.model.Provenance;
import org.medvqa.training.model.ResponseFormat;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

/** A real {@link VqaModel} (the smallest preset, untrained) written as a model directory. */
public final class TinyModel {
  static final List<String> CORPUS = List.of(
      "Is there a nodule?", "Which side is the lesion on?", "How many lesions are there?", "What modality is this?",
      ResponseFormat.format("A bright round spot in the left lung.", "yes"),
      ResponseFormat.format("Nothing focal is seen.", "no"),
      ResponseFormat.format("The lesion is on the right.", "right"));

  private TinyModel() {}

  public static Path write(Path dir, long seed) {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    ModelConfig config = ModelConfig.tiny();
    try (VqaModel model = VqaModel.create(config, BpeTokenizer.train(CORPUS, 300), ImagePreprocessor.identity(config), seed)) {
      model.save(dir, Provenance.untrained("plugin test model, seed " + seed));
    }
    return dir;
  }
}
