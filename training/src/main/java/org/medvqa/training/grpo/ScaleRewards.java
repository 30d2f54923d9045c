package org.medvqa.training.grpo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** TRL's {@code scale_rewards}: what the centred rewards are divided by. */
public enum ScaleRewards {
  /** {@code std} of the prompt's own group of G rewards. */
  GROUP,
  /** {@code std} of all rewards in the batch. */
  BATCH,
  /** Not scaled (Dr. GRPO). */
  NONE;

  @JsonValue
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ScaleRewards fromConfigName(String name) {
    for (ScaleRewards s : values()) {
      if (s.configName().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "scale_rewards must be one of " + Arrays.stream(values()).map(ScaleRewards::configName).toList()
            + ", was " + name);
  }
}
