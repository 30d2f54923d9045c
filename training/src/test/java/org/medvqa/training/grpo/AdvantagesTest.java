package org.medvqa.training.grpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdvantagesTest {
  // two prompts, G = 4: a mixed group and one where every completion earned 2
  private static final double[] REWARDS = {1, 0, 0, 1, 2, 2, 2, 2};

  @Test
  void noneOnlyCentresEachGroup() {
    assertThat(Advantages.compute(REWARDS, 4, ScaleRewards.NONE))
        .containsExactly(0.5, -0.5, -0.5, 0.5, 0, 0, 0, 0);
  }

  @Test
  void groupDividesByTheGroupsSampleStd() {
    double std = Math.sqrt(1 / 3.0); // deviations +-0.5, sum of squares 1, n - 1 = 3
    double a = 0.5 / (std + 1e-4);
    assertThat(Advantages.compute(REWARDS, 4, ScaleRewards.GROUP))
        .containsExactly(new double[] {a, -a, -a, a, 0, 0, 0, 0}, within(1e-12));
    assertThat(a).isCloseTo(0.86588, within(1e-5));
  }

  @Test
  void batchDividesByTheStdOfAllRewardsButCentresPerGroup() {
    // batch mean 1.25; squares 0.0625 + 1.5625 + 1.5625 + 0.0625 + 4 * 0.5625 = 5.5; 5.5 / 7
    double std = Math.sqrt(5.5 / 7);
    double a = 0.5 / (std + 1e-4);
    assertThat(Advantages.compute(REWARDS, 4, ScaleRewards.BATCH))
        .containsExactly(new double[] {a, -a, -a, a, 0, 0, 0, 0}, within(1e-12));
  }

  @Test
  void rewardsMustSplitIntoWholeGroups() {
    assertThatThrownBy(() -> Advantages.compute(new double[5], 2, ScaleRewards.GROUP))
        .hasMessageContaining("do not split into groups of 2");
  }

  @Test
  void dynamicSamplingDropsGroupsWhoseRewardsAgree() {
    double[] r = {1, 1, 0, 1, 0.5, 0.5};
    assertThat(DynamicSampling.informativeGroups(r, 2)).containsExactly(1);
    assertThat(DynamicSampling.fracRewardZeroStd(r, 2)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(DynamicSampling.fracRewardZeroStd(REWARDS, 4)).isEqualTo(0.5);
  }
}
