package org.medvqa.training.grpo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** TRL's {@code loss_type}: how per-token losses are reduced to one number. */
public enum LossType {
  /** Per-sequence token mean, then mean over sequences (the original GRPO; biased towards short wrong answers). */
  GRPO,
  /** Token sum / (sequences x max_completion_length): no length normalisation (Dr. GRPO). */
  DR_GRPO,
  /** Token sum / all completion tokens in the batch (DAPO's token-level loss). */
  DAPO;

  public GrpoLoss loss() {
    return switch (this) {
      case GRPO -> new SequenceMeanLoss();
      case DR_GRPO -> new DrGrpoLoss();
      case DAPO -> new TokenMeanLoss();
    };
  }

  @JsonValue
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static LossType fromConfigName(String name) {
    for (LossType t : values()) {
      if (t.configName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "loss_type must be one of " + Arrays.stream(values()).map(LossType::configName).toList() + ", was " + name);
  }
}
