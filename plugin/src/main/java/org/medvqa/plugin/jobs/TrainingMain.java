package org.medvqa.plugin.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvqa.terminology.Terminology;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.grpo.GrpoConfig;
import org.medvqa.training.grpo.GrpoData;
import org.medvqa.training.grpo.GrpoExample;
import org.medvqa.training.grpo.GrpoTrainer;
import org.medvqa.training.sft.DatasetImages;
import org.medvqa.training.sft.SftConfig;
import org.medvqa.training.sft.SftData;
import org.medvqa.training.sft.SftExample;
import org.medvqa.training.sft.SftTrainer;

/**
 * The training job's own JVM (started by {@link ProcessTrainer}): runs one recipe (SFT or GRPO, both
 * starting from the base model) and writes the model
 * to {@code <out>/model}, metrics to {@code <out>/metrics.jsonl}. Its own process, so a job can be
 * cancelled at any point (the process is ended) and a crash in training never takes the server down.
 *
 * <pre>{@code java ... TrainingMain KIND DATASET BASE_MODEL OUT STEPS SEED OPTIONS_JSON}</pre>
 */
public final class TrainingMain {
  static final int DEFAULT_STEPS = 20;

  private TrainingMain() {}

  public static void main(String[] args) throws Exception {
    TrainingKind kind = TrainingKind.valueOf(args[0]);
    Path dataset = Path.of(args[1]);
    Path base = Path.of(args[2]);
    Path out = Path.of(args[3]);
    int steps = Integer.parseInt(args[4]);
    long seed = Long.parseLong(args[5]);
    @SuppressWarnings("unchecked")
    Map<String, Object> options = new ObjectMapper().readValue(args[6], Map.class);
    if (kind == TrainingKind.SFT) {
      sft(dataset, base, out, sftConfig(steps, seed, options));
      return;
    }
    GrpoConfig config = grpoConfig(steps, seed, options);
    List<GrpoExample> train = GrpoData.load(VqaDataset.open(dataset), Split.TRAIN);
    Terminology terminology = Terminology.shared();
    GrpoTrainer.Result r = GrpoTrainer.train(new GrpoTrainer.Run(train, base, out, config, 0, false,
        (answer, reference, question) -> terminology.alignment().score(answer, reference, question).score(),
        null, System.err));
    System.out.println("model " + r.model() + " after " + r.steps() + " steps");
  }

  /** Fine-tunes the base model with SFT on the dataset's train split. */
  private static void sft(Path dataset, Path base, Path out, SftConfig config) throws Exception {
    List<SftExample> train = SftData.examples(VqaDataset.open(dataset), Split.TRAIN, new DatasetImages());
    if (train.isEmpty()) {
      throw new IllegalArgumentException(dataset.getFileName() + " has no training questions");
    }
    SftTrainer.Result r = new SftTrainer(config, out, System.err).startingFrom(base).train(train, false);
    System.out.println("model " + r.modelDir() + " after " + r.steps() + " steps, loss " + r.finalLoss());
  }

  /**
   * The steps a job will run (for its progress fraction); checks the options on the way.
   *
   * @throws IllegalArgumentException for an unknown option or a bad value
   */
  static int plannedSteps(TrainingKind kind, int steps, long seed, Map<String, Object> options) {
    return kind == TrainingKind.SFT
        ? sftConfig(steps, seed, options).maxSteps()
        : grpoConfig(steps, seed, options).maxSteps();
  }

  /**
   * The SFT defaults with a metrics line per step (so a job's progress moves every step), then the
   * job's options, then its step count and seed.
   */
  static SftConfig sftConfig(int steps, long seed, Map<String, Object> options) {
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("log_every", 1);
    overrides.putAll(options);
    overrides.put("max_steps", steps > 0 ? steps : DEFAULT_STEPS);
    overrides.put("seed", seed);
    return SftConfig.defaults().with(overrides);
  }

  /** The GRPO defaults, then the job's options, then its step count and seed. */
  static GrpoConfig grpoConfig(int steps, long seed, Map<String, Object> options) {
    Map<String, Object> overrides = new LinkedHashMap<>(options);
    overrides.put("max_steps", steps > 0 ? steps : DEFAULT_STEPS);
    overrides.put("seed", seed);
    return GrpoConfig.defaults().with(overrides);
  }
}
