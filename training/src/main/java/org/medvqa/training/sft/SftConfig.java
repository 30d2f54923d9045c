package org.medvqa.training.sft;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * SFT settings (a JSON file with any subset of these keys; the rest keep their defaults).
 *
 * @param model model size preset: tiny, small, base
 * @param vocabSize BPE vocabulary size trained on the training texts
 * @param batchSize questions per step
 * @param questionsPerImage at most this many questions of one image in a batch (they share the image prefix)
 * @param learningRate peak AdamW learning rate, reached after {@code warmupSteps}, cosine-decayed to
 *     10% at {@code maxSteps}
 * @param maxMinutes wall-clock budget; training stops at whichever of maxSteps / maxMinutes comes first
 * @param checkpointEvery steps between resumable checkpoints
 * @param augment jitter each image every step (shift by up to 2 pixels, gain, offset, noise) so the
 *     encoder cannot memorise training images. On PhantomVQA, where the model under-fits rather than
 *     memorises, it slowed learning (closed accuracy 0.752 with it, 0.791 without, at lr 1e-3: RESULTS.md);
 *     the default model's recipe turns it off. Kept on here for small real datasets.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SftConfig(
    @JsonProperty("model") String model,
    @JsonProperty("vocab_size") int vocabSize,
    @JsonProperty("batch_size") int batchSize,
    @JsonProperty("questions_per_image") int questionsPerImage,
    @JsonProperty("learning_rate") double learningRate,
    @JsonProperty("weight_decay") double weightDecay,
    @JsonProperty("warmup_steps") int warmupSteps,
    @JsonProperty("max_steps") int maxSteps,
    @JsonProperty("max_minutes") double maxMinutes,
    @JsonProperty("grad_clip") double gradClip,
    @JsonProperty("checkpoint_every") int checkpointEvery,
    @JsonProperty("log_every") int logEvery,
    @JsonProperty("seed") long seed,
    @JsonProperty("augment") boolean augment) {

  public SftConfig {
    if (batchSize <= 0 || questionsPerImage <= 0 || maxSteps <= 0 || learningRate <= 0 || maxMinutes <= 0) {
      throw new IllegalArgumentException("sft config: batch_size, questions_per_image, max_steps, learning_rate and max_minutes must be positive");
    }
    if (checkpointEvery <= 0 || logEvery <= 0 || warmupSteps < 0 || weightDecay < 0) {
      throw new IllegalArgumentException("sft config: checkpoint_every and log_every must be positive, warmup_steps and weight_decay >= 0");
    }
  }

  public static SftConfig defaults() {
    return new SftConfig("small", 768, 32, 8, 2e-3, 0.01, 100, 4000, 15, 1.0, 200, 10, 1, true);
  }

  /** Reads a JSON file over the defaults; an unknown key or a bad value is an IllegalArgumentException. */
  public static SftConfig read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      return json.readerForUpdating(new Mutable(defaults())).<Mutable>readValue(file.toFile()).toConfig();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("bad SFT config " + file + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * These settings with some replaced by their JSON names ({@code {"batch_size": 8}}), as the on-site
   * training jobs pass them; an unknown name or a bad value is an IllegalArgumentException.
   */
  public SftConfig with(java.util.Map<String, ?> overrides) {
    ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      com.fasterxml.jackson.databind.node.ObjectNode merged = json.valueToTree(this);
      merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(overrides));
      return json.treeToValue(merged, SftConfig.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("bad SFT config: " + e.getOriginalMessage(), e);
    }
  }

  public SftConfig withMaxMinutes(double minutes) {
    return new SftConfig(model, vocabSize, batchSize, questionsPerImage, learningRate, weightDecay, warmupSteps,
        maxSteps, minutes, gradClip, checkpointEvery, logEvery, seed, augment);
  }

  public SftConfig withSeed(long s) {
    return new SftConfig(model, vocabSize, batchSize, questionsPerImage, learningRate, weightDecay, warmupSteps,
        maxSteps, maxMinutes, gradClip, checkpointEvery, logEvery, s, augment);
  }

  public SftConfig withMaxSteps(int steps) {
    return new SftConfig(model, vocabSize, batchSize, questionsPerImage, learningRate, weightDecay, warmupSteps,
        steps, maxMinutes, gradClip, checkpointEvery, logEvery, seed, augment);
  }

  /** The learning rate of step {@code step} (0-based): linear warmup, then cosine to 10%. */
  public double learningRateAt(int step) {
    if (step < warmupSteps) {
      return learningRate * (step + 1) / warmupSteps;
    }
    double progress = Math.min(1.0, (step - warmupSteps) / (double) Math.max(1, maxSteps - warmupSteps));
    return learningRate * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
  }

  /** Jackson's update target: mutable fields with the record's JSON names. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  static final class Mutable {
    @JsonProperty("model") public String model;
    @JsonProperty("vocab_size") public int vocabSize;
    @JsonProperty("batch_size") public int batchSize;
    @JsonProperty("questions_per_image") public int questionsPerImage;
    @JsonProperty("learning_rate") public double learningRate;
    @JsonProperty("weight_decay") public double weightDecay;
    @JsonProperty("warmup_steps") public int warmupSteps;
    @JsonProperty("max_steps") public int maxSteps;
    @JsonProperty("max_minutes") public double maxMinutes;
    @JsonProperty("grad_clip") public double gradClip;
    @JsonProperty("checkpoint_every") public int checkpointEvery;
    @JsonProperty("log_every") public int logEvery;
    @JsonProperty("seed") public long seed;
    @JsonProperty("augment") public boolean augment;

    Mutable(SftConfig c) {
      model = c.model;
      vocabSize = c.vocabSize;
      batchSize = c.batchSize;
      questionsPerImage = c.questionsPerImage;
      learningRate = c.learningRate;
      weightDecay = c.weightDecay;
      warmupSteps = c.warmupSteps;
      maxSteps = c.maxSteps;
      maxMinutes = c.maxMinutes;
      gradClip = c.gradClip;
      checkpointEvery = c.checkpointEvery;
      logEvery = c.logEvery;
      seed = c.seed;
      augment = c.augment;
    }

    SftConfig toConfig() {
      return new SftConfig(model, vocabSize, batchSize, questionsPerImage, learningRate, weightDecay, warmupSteps,
          maxSteps, maxMinutes, gradClip, checkpointEvery, logEvery, seed, augment);
    }
  }
}
