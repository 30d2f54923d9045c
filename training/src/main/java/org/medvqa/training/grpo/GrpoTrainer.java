package org.medvqa.training.grpo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.medvqa.training.model.AtomicDirectory;
import org.medvqa.training.model.Provenance;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.rewards.RewardScorer;
import org.medvqa.training.rewards.SemanticScorer;

/**
 * The GRPO loop: for each step, P prompts from a seeded schedule, G completions each ({@link Rollout}),
 * then {@link GrpoUpdate}. Logs every step's metrics ({@code metrics.jsonl}), some sampled completions
 * ({@code completions.jsonl}), draws curves ({@code plots/*.png}), checkpoints and writes the final
 * model.
 *
 * <p>Output directory:
 * <pre>
 *   config.json            the GRPO config used
 *   metrics.jsonl          one line per step
 *   completions.jsonl      every log_completions_steps steps: the first group's completions and rewards
 *   plots/                 rewards.png, length.png, objective.png
 *   checkpoint/            model/, optimizer.bin, trainer_state.json (replaced atomically)
 *   model/                 the final model directory
 * </pre>
 *
 * <p>{@code --resume} continues from {@code checkpoint/} with the config saved there (only
 * {@code max_steps} comes from the new invocation). Resume is exact: the prompts and the sampling seed of step s depend only on (seed, s), and the
 * checkpoint holds the weights and the optimizer's moments, so "4 steps" and "2 steps, stop, resume, 2
 * steps" end with the same weights.
 */
public final class GrpoTrainer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What to train.
   *
   * @param init the starting model's directory (also the frozen KL reference)
   * @param maxMinutes wall-clock limit of this invocation (0 = none; then max_steps must be set)
   * @param semantic the terminology's alignment scorer, needed when the config weights {@code semantic}
   * @param rewards reward functions to use instead of the config's {@code reward_weights} (an embedder's
   *     own, TRL's {@code reward_funcs}); null for the config's
   * @param progress where the progress bar goes (null: none)
   */
  public record Run(
      List<GrpoExample> train, Path init, Path out, GrpoConfig config, double maxMinutes, boolean resume,
      SemanticScorer semantic, RewardScorer rewards, PrintStream progress) {
    public Run {
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(config, "config");
      if (train == null || train.isEmpty()) {
        throw new IllegalArgumentException("no training examples");
      }
      if (maxMinutes < 0) {
        throw new IllegalArgumentException("--max-minutes must be >= 0");
      }
      if (maxMinutes == 0 && config.maxSteps() == 0) {
        throw new IllegalArgumentException("set max_steps in the config or --max-minutes: GRPO needs a limit");
      }
    }
  }

  /** How a run ended. */
  public record Result(Path model, int steps, double seconds, Map<String, Double> lastMetrics) {}

  private GrpoTrainer() {}

  public static Result train(Run run) throws IOException {
    Path out = run.out();
    Files.createDirectories(out);
    Path checkpoint = out.resolve("checkpoint");
    GrpoConfig config = run.config();
    Path init = run.init();
    int startStep = 0;
    if (run.resume()) {
      AtomicDirectory.recover(checkpoint);
    }
    boolean resuming = run.resume() && Files.isDirectory(checkpoint);
    if (run.resume() && !resuming) {
      throw new IllegalArgumentException("--resume: no checkpoint in " + out);
    }
    if (resuming) {
      JsonNode state = JSON.readTree(checkpoint.resolve("trainer_state.json").toFile());
      // the saved config, except the step limit, which this invocation may raise
      config = GrpoConfig.fromJson(state.get("config").toString())
          .with(Map.of("max_steps", run.config().maxSteps()));
      init = Path.of(state.get("init").asText());
      startStep = state.get("step").asInt();
    } else if (init == null) {
      throw new IllegalArgumentException("--init MODEL_DIR is required (the model GRPO starts from)");
    }
    Files.writeString(out.resolve("config.json"), config.toJson());
    RewardScorer scorer = run.rewards() != null ? run.rewards() : RewardSetup.scorer(config, run.semantic());
    PromptSchedule schedule = new PromptSchedule(config.seed(), run.train().size(), config.promptsPerStep());

    long started = System.nanoTime();
    double limitSeconds = run.maxMinutes() * 60;
    Map<String, Double> last = Map.of();
    int step = startStep;
    try (VqaModel policy = VqaModel.load(resuming ? checkpoint.resolve("model") : init);
        VqaModel reference = config.beta() == 0 ? null : VqaModel.load(init);
        AdamW optimizer = AdamW.standard(policy.device());
        MetricsLog metrics = new MetricsLog(out.resolve("metrics.jsonl"))) {
      if (resuming) {
        try (InputStream in = Files.newInputStream(checkpoint.resolve("optimizer.bin"))) {
          optimizer.load(new java.io.BufferedInputStream(in), policy.parameters());
        }
      }
      ProgressBar bar = new ProgressBar(run.progress(), "grpo");
      while (!done(config, step, started, limitSeconds)) {
        long t0 = System.nanoTime();
        List<GrpoExample> batch = schedule.indices(step).stream().map(run.train()::get).toList();
        Rollout rollout = Rollout.sample(policy, batch, config, scorer, PromptSchedule.stepSeed(config.seed(), step));
        long t1 = System.nanoTime();
        Map<String, Double> m = new LinkedHashMap<>(GrpoUpdate.apply(policy, reference, optimizer, rollout, config));
        step++;
        m.put("time/rollout_seconds", (t1 - t0) / 1e9);
        m.put("time/update_seconds", (System.nanoTime() - t1) / 1e9);
        m.put("time/step_seconds", (System.nanoTime() - t0) / 1e9);
        metrics.write(step, m);
        if (step % config.logCompletionsSteps() == 0 || step == 1) {
          CompletionSamples.append(out.resolve("completions.jsonl"), step, rollout);
        }
        if (step % config.saveSteps() == 0) {
          saveCheckpoint(checkpoint, policy, optimizer, config, init, step);
        }
        last = m;
        bar.update(progress(config, step, started, limitSeconds), String.format(Locale.ROOT,
            "step %d reward %.3f acc %.2f kl %.4f zero-std %.2f", step, m.get("reward"), m.get("accuracy"),
            m.getOrDefault("objective/kl", 0.0), m.get("frac_reward_zero_std")));
      }
      bar.finish("step " + step);
      if (step > startStep) {
        saveCheckpoint(checkpoint, policy, optimizer, config, init, step);
      }
      Path model = out.resolve("model");
      ObjectNode trainingConfig = (ObjectNode) JSON.readTree(config.toJson());
      trainingConfig.put("algorithm", "grpo");
      trainingConfig.put("steps", step);
      policy.save(model, new Provenance(init.toString(), "", trainingConfig, JSON.valueToTree(finite(last)),
          "GRPO (" + config.lossType().configName() + ") from " + init.getFileName()));
      CurvePlots.write(out);
      return new Result(model, step, (System.nanoTime() - started) / 1e9, last);
    }
  }

  private static boolean done(GrpoConfig config, int step, long started, double limitSeconds) {
    boolean stepsDone = config.maxSteps() > 0 && step >= config.maxSteps();
    boolean timeDone = limitSeconds > 0 && (System.nanoTime() - started) / 1e9 >= limitSeconds;
    return stepsDone || timeDone;
  }

  private static double progress(GrpoConfig config, int step, long started, double limitSeconds) {
    double bySteps = config.maxSteps() > 0 ? step / (double) config.maxSteps() : 0;
    double byTime = limitSeconds > 0 ? (System.nanoTime() - started) / 1e9 / limitSeconds : 0;
    return Math.max(bySteps, byTime);
  }

  private static Map<String, Double> finite(Map<String, Double> metrics) {
    Map<String, Double> out = new LinkedHashMap<>();
    metrics.forEach((k, v) -> {
      if (Double.isFinite(v)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Writes a temporary sibling completely, then swaps it in for the old checkpoint ({@link AtomicDirectory}). */
  static void saveCheckpoint(Path checkpoint, VqaModel policy, AdamW optimizer, GrpoConfig config, Path init, int step)
      throws IOException {
    AtomicDirectory.write(checkpoint, tmp -> {
      policy.save(tmp.resolve("model"), Provenance.untrained("GRPO checkpoint at step " + step));
      try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp.resolve("optimizer.bin")))) {
        optimizer.save(o);
      }
      ObjectNode state = JSON.createObjectNode();
      state.put("step", step);
      state.put("init", init.toAbsolutePath().toString());
      state.set("config", JSON.readTree(config.toJson()));
      Files.writeString(tmp.resolve("trainer_state.json"), state.toPrettyString());
    });
  }
}
