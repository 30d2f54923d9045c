package org.medvqa.e2e.reliability;

import java.nio.file.Path;
import java.util.List;
import org.medvqa.training.model.ImagePreprocessor;
import org.medvqa.training.model.ModelConfig;
import org.medvqa.training.model.Provenance;
import org.medvqa.training.model.ResponseFormat;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

/** A small PhantomVQA dataset (made by the real CLI in a child JVM) and an untrained model of the {@code tiny} preset. */
final class TrainingFixtures {
  private TrainingFixtures() {}

  static Path phantom(Path dir, int n) throws java.io.IOException, InterruptedException {
    ChildCli.Result r = ChildCli.run(dir.resolveSibling("phantom-log"), 300,
        "data", "phantom", "--out", dir.toString(), "--n", Integer.toString(n), "--seed", "1", "--image-size", "32");
    if (r.exitCode() != 0) {
      throw new IllegalStateException("medvqa data phantom failed with " + r.exitCode() + ": " + r.stderr());
    }
    return dir;
  }

  static Path tinyModel(Path dir, long seed) {
    ModelConfig tiny = ModelConfig.tiny();
    BpeTokenizer tokenizer = BpeTokenizer.train(List.of(
        "Is there a nodule?", "Which side is the lesion on?", "What modality is this?",
        ResponseFormat.format("A bright round spot in the left lung.", "yes"),
        ResponseFormat.format("Nothing focal is seen.", "no")), 300);
    try (VqaModel m = VqaModel.create(tiny, tokenizer, ImagePreprocessor.identity(tiny), seed)) {
      m.save(dir, Provenance.untrained("reliability test model, seed " + seed));
    }
    return dir;
  }
}
