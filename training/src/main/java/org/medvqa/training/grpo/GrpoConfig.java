package org.medvqa.training.grpo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every GRPO knob in one place; JSON names are TRL's GRPOConfig names in snake case
 * ({@code num_generations}, {@code epsilon_high}, {@code loss_type}, ...). Options are checked here, so a
 * config that exists is one the trainer can run.
 *
 * <p>Not in TRL: {@code prompts_per_step} (prompts per optimiser batch; TRL counts completions),
 * {@code dynamic_sampling} (DAPO), {@code length_target_words} (ECR/CWR), {@code overlong_buffer}
 * (DAPO's L_cache).
 *
 * @param rewardWeights reward name (format, accuracy, semantic, ecr, cwr, overlong) to weight; the
 *     rewards used are exactly the keys
 * @param maxSteps optimiser steps; 0 means until the time limit
 */
public record GrpoConfig(
    double learningRate,
    int promptsPerStep,
    int numGenerations,
    int maxCompletionLength,
    double temperature,
    double topP,
    double beta,
    double epsilon,
    double epsilonHigh,
    int numIterations,
    LossType lossType,
    ScaleRewards scaleRewards,
    boolean maskTruncatedCompletions,
    boolean dynamicSampling,
    Map<String, Double> rewardWeights,
    int lengthTargetWords,
    int overlongBuffer,
    double maxGradNorm,
    int maxSteps,
    int loggingSteps,
    int logCompletionsSteps,
    int saveSteps,
    long seed) {

  /** The reward names a config may weight. */
  public static final Set<String> REWARD_NAMES = Set.of("format", "accuracy", "semantic", "ecr", "cwr", "overlong");

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(SerializationFeature.INDENT_OUTPUT);

  public GrpoConfig {
    require(learningRate > 0 && Double.isFinite(learningRate), "learning_rate must be > 0");
    require(promptsPerStep >= 1, "prompts_per_step must be >= 1");
    require(numGenerations >= 2, "num_generations must be >= 2 (advantages compare completions of one prompt)");
    require(maxCompletionLength >= 1, "max_completion_length must be >= 1");
    require(temperature > 0, "temperature must be > 0");
    require(topP > 0 && topP <= 1, "top_p must be in (0, 1]");
    require(beta >= 0, "beta must be >= 0");
    require(epsilon > 0 && epsilon < 1, "epsilon must be in (0, 1)");
    require(epsilonHigh >= epsilon, "epsilon_high must be >= epsilon (clip-higher widens only the upper bound)");
    require(numIterations >= 1, "num_iterations must be >= 1");
    require(lossType != null, "loss_type is required");
    require(scaleRewards != null, "scale_rewards is required");
    require(rewardWeights != null && !rewardWeights.isEmpty(), "reward_weights needs at least one reward");
    for (var e : rewardWeights.entrySet()) {
      require(REWARD_NAMES.contains(e.getKey()),
          "reward_weights: unknown reward " + e.getKey() + "; known: " + REWARD_NAMES);
      require(e.getValue() != null && Double.isFinite(e.getValue()), "reward_weights." + e.getKey() + " must be a number");
    }
    rewardWeights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rewardWeights));
    require(lengthTargetWords >= 1, "length_target_words must be >= 1");
    require(overlongBuffer >= 1 && overlongBuffer <= maxCompletionLength,
        "overlong_buffer must be in [1, max_completion_length]");
    require(maxGradNorm > 0, "max_grad_norm must be > 0");
    require(maxSteps >= 0, "max_steps must be >= 0");
    require(loggingSteps >= 1 && logCompletionsSteps >= 1 && saveSteps >= 1,
        "logging_steps, log_completions_steps and save_steps must be >= 1");
  }

  /** Plain GRPO from an SFT model: format + accuracy rewards, group scaling, the grpo loss. */
  public static GrpoConfig defaults() {
    return new GrpoConfig(
        5e-5, 8, 8, 32, 1.0, 1.0, 0.04, 0.2, 0.2, 1, LossType.GRPO, ScaleRewards.GROUP, false, false,
        Map.of("format", 0.5, "accuracy", 1.0), 16, 8, 1.0, 0, 1, 10, 20, 0);
  }

  /** The defaults overridden by the keys of a JSON object (TRL names); unknown keys are errors. */
  public static GrpoConfig fromJson(String json) {
    try {
      ObjectNode merged = JSON.valueToTree(defaults());
      JsonNode overrides = JSON.readTree(json);
      if (overrides == null || !overrides.isObject()) {
        throw new IllegalArgumentException("a GRPO config must be a JSON object");
      }
      if (overrides.has("reward_weights")) {
        merged.remove("reward_weights"); // a given reward_weights replaces the default set
      }
      merged.setAll((ObjectNode) overrides);
      return JSON.treeToValue(merged, GrpoConfig.class);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new IllegalArgumentException("bad GRPO config: " + firstLine(cause.getMessage()), e);
    }
  }

  public static GrpoConfig load(Path file) throws IOException {
    return fromJson(Files.readString(file));
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This config with some keys replaced, e.g. {@code with(Map.of("loss_type", "dr_grpo"))}. */
  public GrpoConfig with(Map<String, ?> overrides) {
    try {
      ObjectNode merged = JSON.valueToTree(this);
      if (overrides.containsKey("reward_weights")) {
        merged.remove("reward_weights");
      }
      merged.setAll((ObjectNode) JSON.valueToTree(overrides));
      return JSON.treeToValue(merged, GrpoConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("bad GRPO config: " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
