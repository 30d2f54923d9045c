package org.medvqa.training.sft;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.medvqa.training.model.AdamW;
import org.medvqa.training.model.AtomicDirectory;
import org.medvqa.training.model.ImagePreprocessor;
import org.medvqa.training.model.ModelConfig;
import org.medvqa.training.model.ModelDirectoryException;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.Provenance;
import org.medvqa.training.model.TokenLogProbs;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

/**
 * Supervised fine-tuning. Loss per step: mean over completion tokens of -log p(token), i.e.
 * {@code -sum(logp * mask) / sum(mask)} over a batch of image-grouped questions.
 *
 * <p>Output directory: {@code model/} (the final model), {@code checkpoint/} ({@code model/},
 * {@code optimizer.safetensors}, {@code trainer_state.json}: step, epoch, batch within the epoch,
 * elapsed time), {@code metrics.jsonl}, {@code loss.png}, {@code sft_config.json}. A resumed run reloads
 * the checkpoint and replays the same data order, so it ends with the same weights as an unbroken one.
 */
public final class SftTrainer {
  public static final String MODEL = "model";
  public static final String CHECKPOINT = "checkpoint";
  public static final String METRICS = "metrics.jsonl";
  public static final String LOSS_PLOT = "loss.png";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a run produced. */
  public record Result(Path modelDir, int steps, double finalLoss, double minutes, boolean resumed) {}

  private final SftConfig config;
  private final Path out;
  private final PrintStream progress;
  private List<String> extraTokenizerTexts = List.of();
  private ModelConfig modelConfig;
  private int stopAfter = Integer.MAX_VALUE;
  private Path startFrom;

  public SftTrainer(SftConfig config, Path out, PrintStream progress) {
    this.config = config;
    this.out = out;
    this.progress = progress;
    this.modelConfig = ModelConfig.preset(config.model());
  }

  /** Extra text for the tokenizer (e.g. terminology names), so their words get their own tokens. */
  public SftTrainer withTokenizerTexts(List<String> texts) {
    this.extraTokenizerTexts = List.copyOf(texts);
    return this;
  }

  /** Stops (with a checkpoint) once this many steps are done, as an interrupted run would. */
  public SftTrainer stopAfter(int steps) {
    this.stopAfter = steps;
    return this;
  }

  /**
   * Fine-tunes an existing model directory instead of creating one: its architecture, tokenizer and
   * image standardisation are kept, so {@code model} and {@code vocab_size} of the config do not apply.
   */
  public SftTrainer startingFrom(Path modelDir) {
    this.startFrom = modelDir;
    return this;
  }

  /** Overrides the preset architecture (vocabulary size still comes from the tokenizer). */
  public SftTrainer withModelConfig(ModelConfig architecture) {
    this.modelConfig = architecture;
    return this;
  }

  public Result train(List<SftExample> examples, boolean resume) throws IOException {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    Files.createDirectories(out);
    String dataHash = dataHash(examples);
    Path checkpoint = out.resolve(CHECKPOINT);
    TrainerState state;
    VqaModel model;
    if (resume) {
      AtomicDirectory.recover(checkpoint);
      if (!Files.isDirectory(checkpoint)) {
        throw new ModelDirectoryException("nothing to resume: " + checkpoint + " does not exist");
      }
      state = TrainerState.read(checkpoint.resolve(TrainerState.FILE));
      if (!state.dataHash().equals(dataHash)) {
        throw new IllegalArgumentException("cannot resume: the training data changed since the checkpoint (hash "
            + state.dataHash().substring(0, 12) + " vs " + dataHash.substring(0, 12) + ")");
      }
      model = VqaModel.load(checkpoint.resolve(MODEL));
    } else {
      state = new TrainerState(0, 0, 0, 0, dataHash, 0, 0);
      model = createModel(examples);
    }
    Files.writeString(out.resolve("sft_config.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
    try (model; AdamW optimizer = new AdamW(model); MetricsLog metrics = MetricsLog.open(out.resolve(METRICS), state.step())) {
      if (resume) {
        optimizer.load(checkpoint.resolve("optimizer.safetensors"));
      }
      return loop(model, optimizer, metrics, examples, state, resume);
    }
  }

  private VqaModel createModel(List<SftExample> examples) {
    if (startFrom != null) {
      return VqaModel.load(startFrom);
    }
    List<String> corpus = new ArrayList<>(extraTokenizerTexts);
    for (SftExample e : examples) {
      corpus.add(e.question());
      corpus.add(e.target());
    }
    BpeTokenizer tokenizer = BpeTokenizer.train(corpus, config.vocabSize());
    // First-seen order, not an IdentityHashMap's key order (identity hashes differ per JVM), so the same
    // data gives the same standardisation images, to the bit, in any JVM.
    Map<ModelImage, Boolean> seen = new IdentityHashMap<>();
    List<ModelImage> distinct = new ArrayList<>();
    for (SftExample e : examples) {
      if (seen.put(e.image(), true) == null) {
        distinct.add(e.image());
      }
    }
    ImagePreprocessor preprocessor = ImagePreprocessor.fit(modelConfig, distinct);
    return VqaModel.create(modelConfig, tokenizer, preprocessor, config.seed());
  }

  private Result loop(VqaModel model, AdamW optimizer, MetricsLog metrics, List<SftExample> all,
      TrainerState start, boolean resumed) throws IOException {
    List<SftExample> examples = new ArrayList<>();
    List<int[]> targets = new ArrayList<>();
    int skipped = 0;
    for (SftExample e : all) {
      int[] ids = model.completionIds(e.target());
      if (model.promptIds(e.question()).length + ids.length > model.config().maxTextTokens()) {
        skipped++;
        continue;
      }
      examples.add(e);
      targets.add(ids);
    }
    if (skipped > 0) {
      progress.printf("sft: skipped %d example(s) longer than %d tokens%n", skipped, model.config().maxTextTokens());
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("every training example is longer than the model's text limit");
    }
    int step = start.step();
    int epoch = start.epoch();
    int batchInEpoch = start.batchInEpoch();
    double budgetSeconds = config.maxMinutes() * 60;
    long began = System.nanoTime();
    double elapsedBefore = start.elapsedSeconds();
    List<List<Integer>> plan = BatchPlan.epoch(examples, config.batchSize(), config.questionsPerImage(), config.seed(), epoch);
    ProgressBar bar = new ProgressBar(progress, "sft", config.maxSteps());
    double lossSum = start.lossSum();
    int lossCount = start.lossCount();
    long tokens = 0;
    long intervalStart = System.nanoTime();
    double lastLoss = Double.NaN;
    float gradNorm = 0;
    int nonFinite = 0;
    while (step < config.maxSteps() && step < stopAfter && elapsedBefore + seconds(began) < budgetSeconds) {
      List<Integer> batch = plan.get(batchInEpoch);
      List<VqaPrompt> prompts = new ArrayList<>(batch.size());
      List<int[]> batchTargets = new ArrayList<>(batch.size());
      Random jitter = new Random(config.seed() * 7_919L + step); // a function of the step: resumable
      Map<ModelImage, ModelImage> augmented = new IdentityHashMap<>();
      for (int i : batch) {
        ModelImage image = examples.get(i).image();
        if (config.augment()) {
          image = augmented.computeIfAbsent(image, im -> ImageAugmenter.jitter(im, jitter));
        }
        prompts.add(new VqaPrompt(image, examples.get(i).question()));
        batchTargets.add(targets.get(i));
        tokens += targets.get(i).length;
      }
      float lr = (float) config.learningRateAt(step);
      try (NDManager m = model.newManager()) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          TokenLogProbs lp = model.logProbs(m, prompts, batchTargets, true);
          NDArray loss = lp.logProbs().sum().neg().div(lp.mask().sum());
          collector.backward(loss);
          lastLoss = loss.getFloat();
        }
        gradNorm = optimizer.step(lr, (float) config.weightDecay(), (float) config.gradClip());
      }
      if (!Double.isFinite(lastLoss) || !Float.isFinite(gradNorm)) {
        if (++nonFinite > 10) {
          throw new IllegalStateException("loss " + lastLoss + ", gradient norm " + gradNorm + " at step " + step
              + " for the 11th time; lower learning_rate");
        }
        progress.printf("%nsft: step %d had a non-finite loss or gradient; its update was skipped%n", step);
      } else {
        lossSum += lastLoss;
        lossCount++;
      }
      step++;
      batchInEpoch++;
      if (batchInEpoch == plan.size()) {
        epoch++;
        batchInEpoch = 0;
        plan = BatchPlan.epoch(examples, config.batchSize(), config.questionsPerImage(), config.seed(), epoch);
      }
      double elapsed = elapsedBefore + seconds(began);
      boolean checkpointNow = step % config.checkpointEvery() == 0;
      if (step % config.logEvery() == 0 || checkpointNow) {
        double intervalSeconds = (System.nanoTime() - intervalStart) / 1e9;
        metrics.write(step, epoch, lossSum / lossCount, lr, gradNorm, tokens / intervalSeconds, elapsed, false);
        lossSum = 0;
        lossCount = 0;
        tokens = 0;
        intervalStart = System.nanoTime();
      }
      if (checkpointNow) {
        writeCheckpoint(model, optimizer, new TrainerState(step, epoch, batchInEpoch, elapsed, start.dataHash(), 0, 0));
        LossPlots.write(out.resolve(METRICS), out.resolve(LOSS_PLOT));
      }
      bar.update(step, Math.max(step / (double) config.maxSteps(), elapsed / budgetSeconds),
          String.format(Locale.ROOT, "step %d/%d loss %.3f lr %.2g %.0fs", step, config.maxSteps(), lastLoss, lr, elapsed));
    }
    bar.finish();
    double elapsed = elapsedBefore + seconds(began);
    if (lossCount > 0) { // a partial interval: logged now, replaced by the full one if the run resumes
      metrics.write(step, epoch, lossSum / lossCount, (float) config.learningRateAt(Math.max(0, step - 1)), gradNorm,
          tokens / Math.max(1e-9, (System.nanoTime() - intervalStart) / 1e9), elapsed, true);
    }
    metrics.flush();
    writeCheckpoint(model, optimizer,
        new TrainerState(step, epoch, batchInEpoch, elapsed, start.dataHash(), lossSum, lossCount));
    LossPlots.write(out.resolve(METRICS), out.resolve(LOSS_PLOT));
    ObjectNode finalMetrics = JSON.createObjectNode();
    finalMetrics.put("steps", step);
    finalMetrics.put("final_loss", lastLoss);
    finalMetrics.put("minutes", elapsed / 60);
    finalMetrics.put("train_examples", examples.size());
    Path modelDir = out.resolve(MODEL);
    model.save(modelDir, new Provenance(startFrom == null ? "" : startFrom.toString(), start.dataHash(), JSON.valueToTree(config), finalMetrics,
        "SFT (" + model.config().name() + ") on " + examples.size() + " questions: think/answer format with reference reasoning"));
    return new Result(modelDir, step, lastLoss, elapsed / 60, resumed);
  }

  private void writeCheckpoint(VqaModel model, AdamW optimizer, TrainerState state) throws IOException {
    AtomicDirectory.write(out.resolve(CHECKPOINT), tmp -> {
      model.save(tmp.resolve(MODEL), new Provenance("", state.dataHash(), JSON.valueToTree(config),
          JSON.createObjectNode().put("step", state.step()), "SFT checkpoint at step " + state.step()));
      optimizer.save(tmp.resolve("optimizer.safetensors"));
      state.write(tmp.resolve(TrainerState.FILE));
    });
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** SHA-256 over every example's image id, question, target and the pixels of each distinct image. */
  public static String dataHash(List<SftExample> examples) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Map<ModelImage, Boolean> seen = new IdentityHashMap<>();
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4);
      for (SftExample e : examples) {
        digest.update((e.imageId() + "\0" + e.question() + "\0" + e.target() + "\n").getBytes(StandardCharsets.UTF_8));
        if (seen.put(e.image(), true) == null) {
          for (float p : e.image().pixels()) {
            buf.clear();
            buf.putFloat(p);
            digest.update(buf.array());
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Where training stands; enough to continue exactly. */
  record TrainerState(int step, int epoch, int batchInEpoch, double elapsedSeconds, String dataHash,
      double lossSum, int lossCount) {
    static final String FILE = "trainer_state.json";

    void write(Path file) throws IOException {
      ObjectNode node = JSON.createObjectNode();
      node.put("step", step);
      node.put("epoch", epoch);
      node.put("batch_in_epoch", batchInEpoch);
      node.put("elapsed_seconds", elapsedSeconds);
      node.put("data_hash", dataHash);
      node.put("interval_loss_sum", lossSum);
      node.put("interval_loss_count", lossCount);
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    static TrainerState read(Path file) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new ModelDirectoryException("checkpoint is incomplete: " + file + " is missing");
      }
      JsonNode n;
      try {
        n = JSON.readTree(file.toFile());
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        throw new ModelDirectoryException("checkpoint state " + file + " is not valid JSON");
      }
      if (!n.has("step") || !n.has("data_hash")) {
        throw new ModelDirectoryException("checkpoint state " + file + " lacks step or data_hash");
      }
      return new TrainerState(n.path("step").asInt(), n.path("epoch").asInt(), n.path("batch_in_epoch").asInt(),
          n.path("elapsed_seconds").asDouble(), n.path("data_hash").asText(),
          n.path("interval_loss_sum").asDouble(), n.path("interval_loss_count").asInt());
    }
  }
}
