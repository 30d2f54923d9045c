package org.medvqa.training.grpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GrpoConfigTest {

  @Test
  void jsonUsesTrlNamesAndOverridesOnlyTheGivenKeys() {
    GrpoConfig c = GrpoConfig.fromJson(
        "{\"loss_type\": \"dr_grpo\", \"scale_rewards\": \"none\", \"epsilon_high\": 0.28, \"num_generations\": 4}");
    assertThat(c.lossType()).isEqualTo(LossType.DR_GRPO);
    assertThat(c.scaleRewards()).isEqualTo(ScaleRewards.NONE);
    assertThat(c.epsilonHigh()).isEqualTo(0.28);
    assertThat(c.numGenerations()).isEqualTo(4);
    assertThat(c.epsilon()).isEqualTo(GrpoConfig.defaults().epsilon());
    assertThat(c.toJson()).contains("\"loss_type\" : \"dr_grpo\"", "\"mask_truncated_completions\"");
    assertThat(GrpoConfig.fromJson(c.toJson())).isEqualTo(c);
  }

  @Test
  void givenRewardWeightsReplaceTheDefaultSet() {
    GrpoConfig c = GrpoConfig.fromJson("{\"reward_weights\": {\"accuracy\": 1, \"semantic\": 0.5}}");
    assertThat(c.rewardWeights()).containsOnlyKeys("accuracy", "semantic");
    assertThat(c.with(Map.of("reward_weights", Map.of("cwr", 0.2))).rewardWeights()).containsOnlyKeys("cwr");
  }

  @Test
  void badOptionsAreRejectedWithTheirTrlName() {
    assertThatThrownBy(() -> GrpoConfig.fromJson("{\"loss_type\": \"bnpo\"}")).hasMessageContaining("loss_type");
    assertThatThrownBy(() -> GrpoConfig.fromJson("{\"epsilon_high\": 0.1}")).hasMessageContaining("epsilon_high");
    assertThatThrownBy(() -> GrpoConfig.fromJson("{\"num_generations\": 1}")).hasMessageContaining("num_generations");
    assertThatThrownBy(() -> GrpoConfig.fromJson("{\"top_p\": 0}")).hasMessageContaining("top_p");
    assertThatThrownBy(() -> GrpoConfig.fromJson("{\"no_such_knob\": 1}")).hasMessageContaining("no_such_knob");
    assertThatThrownBy(() -> GrpoConfig.fromJson("{\"reward_weights\": {\"bleu\": 1}}")).hasMessageContaining("bleu");
    assertThatThrownBy(() -> GrpoConfig.fromJson("[1]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> GrpoConfig.fromJson("{oops")).hasMessageContaining("bad GRPO config");
  }
}
