package org.medvqa.training.grpo;

import java.util.ArrayList;
import java.util.List;
import org.medvqa.training.model.Completion;
import org.medvqa.training.model.FinishReason;
import org.medvqa.training.model.GenerationOptions;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.rewards.AnswerMatcher;
import org.medvqa.training.rewards.ParsedCompletion;
import org.medvqa.training.rewards.RewardContext;
import org.medvqa.training.rewards.RewardMatrix;
import org.medvqa.training.rewards.RewardScorer;

/**
 * One step's rollouts: G sampled completions for each of P prompts, row {@code g * G + i} being
 * completion i of prompt g, with their rewards (the P*G x K matrix), totals, group advantages and
 * correctness. The G prompts of a group share one {@code ModelImage}, so the model encodes each image
 * once and shares its KV prefix across the group.
 */
public record Rollout(
    List<GrpoExample> examples,
    int groupSize,
    List<Completion> completions,
    RewardMatrix rewards,
    double[] totals,
    double[] advantages,
    boolean[] correct) {

  /** Samples, scores and computes advantages. Sampling is seeded, so the same seed gives the same rollout. */
  public static Rollout sample(
      VqaModel policy, List<GrpoExample> examples, GrpoConfig config, RewardScorer scorer, long seed) {
    int g = config.numGenerations();
    List<VqaPrompt> prompts = new ArrayList<>(examples.size() * g);
    List<RewardContext> contexts = new ArrayList<>(examples.size() * g);
    for (GrpoExample e : examples) {
      for (int i = 0; i < g; i++) {
        prompts.add(e.prompt());
        contexts.add(e.context());
      }
    }
    GenerationOptions options = GenerationOptions.sampling(
        config.maxCompletionLength(), (float) config.temperature(), (float) config.topP(), seed);
    List<Completion> completions = policy.generate(prompts, options);
    List<org.medvqa.training.rewards.Completion> texts = completions.stream()
        .map(c -> new org.medvqa.training.rewards.Completion(c.text(), c.tokenIds().length))
        .toList();
    RewardMatrix matrix = scorer.scoreAll(texts, contexts);
    double[] totals = matrix.totals();
    double[] advantages = Advantages.compute(totals, g, config.scaleRewards());
    boolean[] correct = new boolean[completions.size()];
    for (int r = 0; r < correct.length; r++) {
      correct[r] = AnswerMatcher.isCorrect(ParsedCompletion.parse(completions.get(r).text()).answer(), contexts.get(r));
    }
    return new Rollout(examples, g, completions, matrix, totals, advantages, correct);
  }

  public int rows() {
    return completions.size();
  }

  public VqaPrompt promptOf(int row) {
    return examples.get(row / groupSize).prompt();
  }

  public RewardContext contextOf(int row) {
    return examples.get(row / groupSize).context();
  }

  public boolean truncated(int row) {
    return completions.get(row).finishReason() == FinishReason.LENGTH;
  }

  /** The rows that enter the loss: all, or with dynamic sampling only those of groups whose rewards differ. */
  public List<Integer> trainingRows(boolean dynamicSampling) {
    List<Integer> rows = new ArrayList<>();
    List<Integer> groups = dynamicSampling
        ? DynamicSampling.informativeGroups(totals, groupSize)
        : java.util.stream.IntStream.range(0, examples.size()).boxed().toList();
    for (int grp : groups) {
      for (int i = 0; i < groupSize; i++) {
        rows.add(grp * groupSize + i);
      }
    }
    return rows;
  }
}
