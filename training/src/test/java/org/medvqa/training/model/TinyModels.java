package org.medvqa.training.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

/** Shared fixtures: a tokenizer trained on a small corpus and random images. */
final class TinyModels {
  static final List<String> CORPUS = List.of(
      "Is there a nodule?", "Which side is the lesion on?", "How many lesions are there?", "What modality is this?",
      ResponseFormat.format("A bright round spot in the left lung.", "yes"),
      ResponseFormat.format("Nothing focal is seen.", "no"),
      ResponseFormat.format("The lesion is on the right.", "right"),
      ResponseFormat.format("Two bright spots.", "2"));

  private TinyModels() {}

  static BpeTokenizer tokenizer() {
    return BpeTokenizer.train(CORPUS, 320);
  }

  static VqaModel tinyModel(long seed) {
    ModelConfig config = ModelConfig.tiny();
    return VqaModel.create(config, tokenizer(), ImagePreprocessor.identity(config), seed);
  }

  static ModelImage randomImage(long seed, int size) {
    Random r = new Random(seed);
    float[] p = new float[size * size];
    for (int i = 0; i < p.length; i++) {
      p[i] = r.nextFloat();
    }
    return new ModelImage(1, size, size, p);
  }

  static List<VqaPrompt> prompts(ModelImage... images) {
    List<VqaPrompt> out = new ArrayList<>();
    String[] questions = {"Is there a nodule?", "How many lesions are there in this image today?", "What modality?"};
    for (int i = 0; i < images.length; i++) {
      out.add(new VqaPrompt(images[i], questions[i % questions.length]));
    }
    return out;
  }
}
