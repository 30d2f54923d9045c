package org.medvqa.training.grpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.training.model.VqaModel;

class GrpoTrainerTest {
  @TempDir static Path shared;
  static Path init;
  static final List<GrpoExample> TRAIN = TinyGrpo.examples(6);

  @BeforeAll
  static void model() {
    init = TinyGrpo.saveTinyModel(shared.resolve("init"), 3);
  }

  private static GrpoConfig config(int maxSteps) {
    return GrpoConfig.fromJson("""
        {"prompts_per_step": 2, "num_generations": 4, "max_completion_length": 8, "overlong_buffer": 4,
         "learning_rate": 0.002, "beta": 0.04, "max_steps": %d, "save_steps": 2, "log_completions_steps": 2,
         "reward_weights": {"format": 1, "accuracy": 1, "overlong": 1}}""".formatted(maxSteps));
  }

  private static GrpoTrainer.Result train(Path out, GrpoConfig config, boolean resume) throws Exception {
    return GrpoTrainer.train(new GrpoTrainer.Run(TRAIN, resume ? null : init, out, config, 0, resume, null,
        TinyGrpo.gradedScorer(), null));
  }

  @Test
  void trainsLogsEveryMetricPlotsAndWritesALoadableModel(@TempDir Path out) throws Exception {
    GrpoTrainer.Result result = train(out, config(2), false);
    assertThat(result.steps()).isEqualTo(2);

    var rows = MetricsLog.read(out.resolve("metrics.jsonl"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsKeys("reward", "reward/lower_case", "frac_reward_zero_std", "accuracy",
        "objective/kl", "objective/clip_ratio", "objective/entropy", "objective/grad_norm",
        "completions/length_correct", "completions/length_incorrect", "completions/mean_length");
    assertThat(rows.get(0).get("frac_reward_zero_std")).isEqualTo(0.0); // the graded reward always varies
    assertThat(rows.get(0).get("objective/kl")).isEqualTo(0.0);         // the policy starts as the reference
    assertThat(rows.get(1).get("objective/kl")).isGreaterThan(0.0);

    var samples = Files.readAllLines(out.resolve("completions.jsonl"));
    assertThat(samples).hasSize(2); // steps 1 and 2 (log_completions_steps 2)
    assertThat(new ObjectMapper().readTree(samples.get(0)).get("completions")).hasSize(4);
    for (String png : List.of("rewards.png", "length.png", "objective.png")) {
      assertThat(out.resolve("plots").resolve(png)).isNotEmptyFile();
    }
    try (VqaModel start = VqaModel.load(init); VqaModel trained = VqaModel.load(result.model())) {
      var a = start.weights();
      var b = trained.weights();
      assertThat(a.keySet()).isEqualTo(b.keySet());
      assertThat(a.keySet().stream().filter(k -> !java.util.Arrays.equals(a.get(k), b.get(k))))
          .as("parameters changed by training").isNotEmpty();
    }
  }

  @Test
  void resumingFromACheckpointEndsWithExactlyTheWeightsOfAnUninterruptedRun(@TempDir Path tmp) throws Exception {
    Path straight = tmp.resolve("straight");
    Path interrupted = tmp.resolve("interrupted");
    train(straight, config(2), false);
    train(interrupted, config(1), false);
    GrpoTrainer.Result resumed = train(interrupted, config(2), true);
    assertThat(resumed.steps()).isEqualTo(2);
    try (VqaModel a = VqaModel.load(straight.resolve("model")); VqaModel b = VqaModel.load(interrupted.resolve("model"))) {
      for (Map.Entry<String, float[]> e : a.weights().entrySet()) {
        assertThat(b.weights().get(e.getKey())).as(e.getKey()).containsExactly(e.getValue());
      }
    }
    assertThat(MetricsLog.read(interrupted.resolve("metrics.jsonl"))).hasSize(2);
  }

  @Test
  void oneUpdateRaisesTheLikelihoodOfAboveAverageCompletions() throws Exception {
    GrpoConfig config = config(1).with(Map.of("beta", 0.0, "learning_rate", 1e-3, "max_grad_norm", 100.0));
    try (VqaModel policy = VqaModel.load(init); AdamW adam = AdamW.standard(policy.device())) {
      Rollout rollout = Rollout.sample(policy, TRAIN.subList(0, 2), config, TinyGrpo.gradedScorer(), 11);
      double before = advantageWeightedLogProb(policy, rollout);
      GrpoUpdate.apply(policy, null, adam, rollout, config);
      double after = advantageWeightedLogProb(policy, rollout);
      assertThat(after).isGreaterThan(before);
    }
  }

  /** sum_i A_i * log p(o_i): the quantity the policy gradient climbs. */
  private static double advantageWeightedLogProb(VqaModel policy, Rollout rollout) {
    try (NDManager m = NDManager.newBaseManager(policy.device())) {
      var prompts = java.util.stream.IntStream.range(0, rollout.rows()).mapToObj(rollout::promptOf).toList();
      var ids = rollout.completions().stream().map(c -> c.tokenIds()).toList();
      float[] seq = policy.logProbs(m, prompts, ids, false).logProbs().sum(new int[] {1}).toFloatArray();
      double s = 0;
      for (int i = 0; i < seq.length; i++) {
        s += rollout.advantages()[i] * seq[i];
      }
      return s;
    }
  }

  @Test
  void badRunsAreRejectedWithAClearMessage(@TempDir Path out) {
    assertThatThrownBy(() -> train(out, config(0), false)).hasMessageContaining("max_steps");
    assertThatThrownBy(() -> train(out.resolve("none"), config(2), true)).hasMessageContaining("no checkpoint");
    assertThatThrownBy(() -> GrpoTrainer.train(new GrpoTrainer.Run(List.of(), init, out, config(1), 0, false,
        null, null, null))).hasMessageContaining("no training examples");
    GrpoConfig semantic = config(1).with(Map.of("reward_weights", Map.of("semantic", 1.0)));
    assertThatThrownBy(() -> GrpoTrainer.train(new GrpoTrainer.Run(TRAIN, init, out, semantic, 0, false,
        null, null, null))).hasMessageContaining("no terminology");
  }
}
