package org.medvqa.training.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The semantic reward on the real default terminology: graded where exact match is all or nothing. */
class TerminologySemanticRewardTest {
  private static final SemanticAlignmentReward SEMANTIC = new SemanticAlignmentReward(TerminologySemanticScorer.shared());
  private static final AccuracyReward EXACT = new AccuracyReward();

  private static Completion answer(String text) {
    return Completion.ofText("<think>look</think><answer>" + text + "</answer>");
  }

  @Test
  void synonymsEarnSemanticCreditThatExactMatchDenies() {
    RewardContext ctx = RewardContext.open("What abnormality is seen?", "pleural effusion", List.of());
    assertThat(EXACT.score(answer("fluid in the pleural space"), ctx)).isEqualTo(0.0);
    assertThat(SEMANTIC.score(answer("fluid in the pleural space"), ctx)).isEqualTo(1.0);
    // "effusion" is broader than "pleural effusion": partial credit, not all or nothing
    assertThat(SEMANTIC.score(answer("effusion of the pleura"), ctx)).isStrictlyBetween(0.0, 1.0);
  }

  @Test
  void wrongSideOrNegationScoresZero() {
    RewardContext side = RewardContext.open("Where is the nodule?", "left lung", List.of());
    assertThat(SEMANTIC.score(answer("left lung"), side)).isEqualTo(1.0);
    assertThat(SEMANTIC.score(answer("right lung"), side)).isEqualTo(0.0);
    RewardContext finding = RewardContext.open("What is seen?", "nodule", List.of());
    assertThat(SEMANTIC.score(answer("no nodule"), finding)).isEqualTo(0.0);
  }
}
