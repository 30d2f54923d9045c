package org.medvqa.training.model;

/**
 * How to generate. {@code temperature == 0} is greedy; otherwise logits are divided by the temperature,
 * restricted to the smallest set of tokens whose probability reaches {@code topP}, and sampled with the
 * seeded generator.
 */
public record GenerationOptions(int maxNewTokens, float temperature, float topP, long seed) {
  public GenerationOptions {
    if (maxNewTokens <= 0) {
      throw new IllegalArgumentException("max new tokens must be positive");
    }
    if (temperature < 0 || topP <= 0 || topP > 1) {
      throw new IllegalArgumentException("temperature >= 0 and 0 < top_p <= 1");
    }
  }

  public static GenerationOptions greedy(int maxNewTokens) {
    return new GenerationOptions(maxNewTokens, 0f, 1f, 0L);
  }

  public static GenerationOptions sampling(int maxNewTokens, float temperature, float topP, long seed) {
    return new GenerationOptions(maxNewTokens, temperature, topP, seed);
  }

  public boolean greedy() {
    return temperature == 0f;
  }
}
