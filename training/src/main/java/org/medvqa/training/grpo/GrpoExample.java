package org.medvqa.training.grpo;

import java.util.Objects;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.rewards.RewardContext;

/** One training prompt for GRPO: what the model sees and what its completions are judged against. */
public record GrpoExample(VqaPrompt prompt, RewardContext context) {
  public GrpoExample {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(context, "context");
  }
}
