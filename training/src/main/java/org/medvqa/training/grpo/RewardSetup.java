package org.medvqa.training.grpo;

import java.util.ArrayList;
import java.util.List;
import org.medvqa.training.rewards.AccuracyReward;
import org.medvqa.training.rewards.FormatReward;
import org.medvqa.training.rewards.OverlongPenalty;
import org.medvqa.training.rewards.ReasoningLengthReward;
import org.medvqa.training.rewards.RewardFunction;
import org.medvqa.training.rewards.RewardScorer;
import org.medvqa.training.rewards.SemanticAlignmentReward;
import org.medvqa.training.rewards.SemanticScorer;
import org.medvqa.training.rewards.WeightedReward;

/** Builds the reward scorer a GRPO config asks for ({@code reward_weights}: name to weight). */
public final class RewardSetup {
  private RewardSetup() {}

  /**
   * @param semantic the terminology's concept alignment; may be null when the config does not weight
   *     {@code semantic}
   */
  public static RewardScorer scorer(GrpoConfig config, SemanticScorer semantic) {
    List<WeightedReward> rewards = new ArrayList<>();
    config.rewardWeights().forEach((name, weight) -> rewards.add(new WeightedReward(function(name, config, semantic), weight)));
    return new RewardScorer(rewards);
  }

  private static RewardFunction function(String name, GrpoConfig config, SemanticScorer semantic) {
    return switch (name) {
      case "format" -> new FormatReward();
      case "accuracy" -> new AccuracyReward();
      case "semantic" -> {
        if (semantic == null) {
          throw new IllegalArgumentException("reward_weights has semantic but no terminology is loaded");
        }
        yield new SemanticAlignmentReward(semantic);
      }
      case "ecr" -> new ReasoningLengthReward(ReasoningLengthReward.Mode.ECR, config.lengthTargetWords());
      case "cwr" -> new ReasoningLengthReward(ReasoningLengthReward.Mode.CWR, config.lengthTargetWords());
      case "overlong" -> new OverlongPenalty(config.maxCompletionLength(), config.overlongBuffer());
      default -> throw new IllegalArgumentException("unknown reward " + name);
    };
  }
}
