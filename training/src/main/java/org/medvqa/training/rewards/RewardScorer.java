package org.medvqa.training.rewards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Scores completions with a list of weighted reward functions: every component and the weighted total.
 * Used by GRPO (a whole batch at once, {@link #scoreAll}), by {@code medvqa score} and by
 * {@code POST /api/v1/score} (one answer, {@link #score}).
 */
public final class RewardScorer {
  private final List<WeightedReward> rewards;

  public RewardScorer(List<WeightedReward> rewards) {
    if (rewards.isEmpty()) {
      throw new IllegalArgumentException("at least one reward function is needed");
    }
    var names = new LinkedHashSet<String>();
    for (WeightedReward r : rewards) {
      if (!names.add(r.function().name())) {
        throw new IllegalArgumentException("reward " + r.function().name() + " given twice");
      }
    }
    this.rewards = List.copyOf(rewards);
  }

  /**
   * Every component of this module, for reporting: format, accuracy, semantic alignment, ECR, CWR and
   * the overlong penalty. The weights are those of a plain GRPO run (format + accuracy + semantic); the
   * length components are reported with weight 0.
   */
  public static RewardScorer allComponents(
      SemanticScorer semantic, int lengthTargetWords, int maxCompletionLength, int overlongBuffer) {
    return new RewardScorer(List.of(
        new WeightedReward(new FormatReward(), 1.0),
        new WeightedReward(new AccuracyReward(), 1.0),
        new WeightedReward(new SemanticAlignmentReward(semantic), 1.0),
        new WeightedReward(new ReasoningLengthReward(ReasoningLengthReward.Mode.ECR, lengthTargetWords), 0.0),
        new WeightedReward(new ReasoningLengthReward(ReasoningLengthReward.Mode.CWR, lengthTargetWords), 0.0),
        new WeightedReward(new OverlongPenalty(maxCompletionLength, overlongBuffer), 0.0)));
  }

  public List<String> names() {
    return rewards.stream().map(r -> r.function().name()).toList();
  }

  public RewardBreakdown score(Completion completion, RewardContext context) {
    Map<String, Double> components = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    double total = 0;
    for (WeightedReward r : rewards) {
      double v = r.function().score(completion, context);
      components.put(r.function().name(), v);
      weights.put(r.function().name(), r.weight());
      total += r.weight() * v;
    }
    return new RewardBreakdown(components, weights, total);
  }

  /** Completion i is judged against {@code contexts.get(i)}: both lists have one entry per row. */
  public RewardMatrix scoreAll(List<Completion> completions, List<RewardContext> contexts) {
    if (completions.size() != contexts.size()) {
      throw new IllegalArgumentException(
          completions.size() + " completions but " + contexts.size() + " contexts");
    }
    double[][] values = new double[completions.size()][rewards.size()];
    for (int i = 0; i < completions.size(); i++) {
      for (int k = 0; k < rewards.size(); k++) {
        values[i][k] = rewards.get(k).function().score(completions.get(i), contexts.get(i));
      }
    }
    double[] weights = rewards.stream().mapToDouble(WeightedReward::weight).toArray();
    return new RewardMatrix(new ArrayList<>(names()), weights, values);
  }
}
