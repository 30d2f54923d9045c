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

/**
 * The training job's own JVM (started by {@link ProcessTrainer}): runs one recipe and writes the model
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
    if (kind != TrainingKind.GRPO) {
      throw new IllegalArgumentException("only GRPO jobs are available in this build");
    }
    GrpoConfig config = grpoConfig(steps, seed, options);
    List<GrpoExample> train = GrpoData.load(VqaDataset.open(dataset), Split.TRAIN);
    Terminology terminology = Terminology.shared();
    GrpoTrainer.Result r = GrpoTrainer.train(new GrpoTrainer.Run(train, base, out, config, 0, false,
        (answer, reference, question) -> terminology.alignment().score(answer, reference, question).score(),
        null, System.err));
    System.out.println("model " + r.model() + " after " + r.steps() + " steps");
  }

  /** The GRPO defaults, then the job's options, then its step count and seed. */
  static GrpoConfig grpoConfig(int steps, long seed, Map<String, Object> options) {
    Map<String, Object> overrides = new LinkedHashMap<>(options);
    overrides.put("max_steps", steps > 0 ? steps : DEFAULT_STEPS);
    overrides.put("seed", seed);
    return GrpoConfig.defaults().with(overrides);
  }
}
