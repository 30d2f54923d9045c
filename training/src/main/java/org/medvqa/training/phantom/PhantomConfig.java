package org.medvqa.training.phantom;

import java.util.EnumMap;
import java.util.Map;

/**
 * The knobs of PhantomVQA.
 *
 * @param n the number of phantoms (one study, one series, one image each; about 7 questions per image)
 * @param seed the seed; the same config gives byte-identical files
 * @param imageSize the image's rows and columns (pixels)
 * @param yesRatio the wanted share of {@code yes} among closed questions (the true rate is written to
 *     {@code dataset.json}; it can fall short when too few phantoms hold findings)
 * @param paraphraseRate the share of questions asked in a non-canonical phrasing (synonyms, lay terms)
 * @param prevalence per finding type, the chance that a phantom of a kind that can hold it does
 * @param valFraction share of phantoms in the validation split
 * @param testFraction share of phantoms in the test split
 */
public record PhantomConfig(int n, long seed, int imageSize, double yesRatio, double paraphraseRate,
    Map<FindingType, Double> prevalence, double valFraction, double testFraction) {

  /** Default prevalence: about half the phantoms hold at least one finding. */
  public static Map<FindingType, Double> defaultPrevalence() {
    Map<FindingType, Double> p = new EnumMap<>(FindingType.class);
    p.put(FindingType.NODULE, 0.35);
    p.put(FindingType.MASS, 0.35);
    p.put(FindingType.PLEURAL_EFFUSION, 0.30);
    p.put(FindingType.CARDIOMEGALY, 0.35);
    p.put(FindingType.CYST, 0.45);
    p.put(FindingType.HYDROCEPHALUS, 0.35);
    return p;
  }

  /** 600 phantoms (about 4,000 questions), seed 7, 64x64, yes-ratio 0.5, paraphrase rate 0.3, 80/10/10. */
  public static PhantomConfig defaults() {
    return new PhantomConfig(600, 7, 64, 0.5, 0.3, defaultPrevalence(), 0.1, 0.1);
  }

  public PhantomConfig {
    if (n < 1 || n > 1_000_000) {
      throw new IllegalArgumentException("n must be 1..1000000, got " + n);
    }
    if (imageSize < 16 || imageSize > 1024) {
      throw new IllegalArgumentException("image size must be 16..1024 pixels, got " + imageSize);
    }
    requireFraction("yes-ratio", yesRatio);
    requireFraction("paraphrase rate", paraphraseRate);
    requireFraction("validation fraction", valFraction);
    requireFraction("test fraction", testFraction);
    if (valFraction + testFraction >= 1) {
      throw new IllegalArgumentException("validation + test fractions must leave phantoms for training");
    }
    Map<FindingType, Double> p = new EnumMap<>(FindingType.class);
    p.putAll(defaultPrevalence());
    if (prevalence != null) {
      prevalence.forEach((type, value) -> {
        requireFraction("prevalence of " + type.key(), value);
        p.put(type, value);
      });
    }
    prevalence = java.util.Collections.unmodifiableMap(p);
  }

  public PhantomConfig withN(int newN) {
    return new PhantomConfig(newN, seed, imageSize, yesRatio, paraphraseRate, prevalence, valFraction, testFraction);
  }

  public PhantomConfig withSeed(long newSeed) {
    return new PhantomConfig(n, newSeed, imageSize, yesRatio, paraphraseRate, prevalence, valFraction, testFraction);
  }

  public PhantomConfig withImageSize(int size) {
    return new PhantomConfig(n, seed, size, yesRatio, paraphraseRate, prevalence, valFraction, testFraction);
  }

  public PhantomConfig withYesRatio(double ratio) {
    return new PhantomConfig(n, seed, imageSize, ratio, paraphraseRate, prevalence, valFraction, testFraction);
  }

  public PhantomConfig withParaphraseRate(double rate) {
    return new PhantomConfig(n, seed, imageSize, yesRatio, rate, prevalence, valFraction, testFraction);
  }

  public PhantomConfig withPrevalence(Map<FindingType, Double> p) {
    return new PhantomConfig(n, seed, imageSize, yesRatio, paraphraseRate, p, valFraction, testFraction);
  }

  private static void requireFraction(String what, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(what + " must be within 0..1, got " + value);
    }
  }
}
