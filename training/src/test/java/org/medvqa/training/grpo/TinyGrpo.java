package org.medvqa.training.grpo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.medvqa.training.model.ImagePreprocessor;
import org.medvqa.training.model.ModelConfig;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.Provenance;
import org.medvqa.training.model.ResponseFormat;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.model.tokenizer.BpeTokenizer;
import org.medvqa.training.rewards.Completion;
import org.medvqa.training.rewards.RewardContext;
import org.medvqa.training.rewards.RewardFunction;
import org.medvqa.training.rewards.RewardScorer;
import org.medvqa.training.rewards.WeightedReward;

/** Fixtures for trainer tests: a saved tiny model, closed questions on random images, a graded reward. */
final class TinyGrpo {
  static final List<String> CORPUS = List.of(
      "Is there a nodule?", "Is there a mass?", "Which side is the lesion on?",
      ResponseFormat.format("A bright round spot in the left lung.", "yes"),
      ResponseFormat.format("Nothing focal is seen.", "no"),
      ResponseFormat.format("The lesion is on the right.", "right"));

  private TinyGrpo() {}

  static Path saveTinyModel(Path dir, long seed) {
    ModelConfig config = ModelConfig.tiny();
    try (VqaModel model = VqaModel.create(config, BpeTokenizer.train(CORPUS, 320),
        ImagePreprocessor.identity(config), seed)) {
      model.save(dir, Provenance.untrained("tiny test model"));
    }
    return dir;
  }

  static List<GrpoExample> examples(int n) {
    List<GrpoExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Random r = new Random(i);
      float[] p = new float[32 * 32];
      for (int k = 0; k < p.length; k++) {
        p[k] = r.nextFloat();
      }
      String q = i % 2 == 0 ? "Is there a nodule?" : "Is there a mass?";
      out.add(new GrpoExample(new VqaPrompt(new ModelImage(1, 32, 32, p), q),
          RewardContext.closed(q, i % 3 == 0 ? "yes" : "no")));
    }
    return out;
  }

  /**
   * A reward that varies between random completions (share of lower-case letters in the text), so
   * every group has signal even before the model has learned anything.
   */
  static final RewardFunction LOWER_CASE_SHARE = new RewardFunction() {
    @Override
    public String name() {
      return "lower_case";
    }

    @Override
    public double score(Completion completion, RewardContext context) {
      String t = completion.text();
      return t.isEmpty() ? 0 : t.chars().filter(Character::isLowerCase).count() / (double) t.length();
    }
  };

  static RewardScorer gradedScorer() {
    return new RewardScorer(List.of(new WeightedReward(LOWER_CASE_SHARE, 1.0)));
  }
}
