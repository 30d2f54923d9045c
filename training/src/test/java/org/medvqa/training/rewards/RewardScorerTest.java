package org.medvqa.training.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RewardScorerTest {

  @Test
  void matrixHasOneColumnPerFunctionAndTotalsAreWeightedSums() {
    var scorer = new RewardScorer(List.of(
        new WeightedReward(new FormatReward(), 0.5),
        new WeightedReward(new AccuracyReward(), 2.0)));
    var completions = List.of(
        Completion.ofText("<think>x</think><answer>yes</answer>"),
        Completion.ofText("yes"),
        Completion.ofText("<think>x</think><answer>no</answer>"));
    var ctx = RewardContext.closed("Is there a mass?", "yes");
    RewardMatrix m = scorer.scoreAll(completions, List.of(ctx, ctx, ctx));
    assertThat(m.names()).containsExactly("format", "accuracy");
    assertThat(m.column("format")).containsExactly(1, 0, 1);
    assertThat(m.column("accuracy")).containsExactly(1, 1, 0);
    assertThat(m.totals()).containsExactly(2.5, 2.0, 0.5);
  }

  @Test
  void breakdownReportsEveryComponentInOrder() {
    RewardScorer scorer = RewardScorer.allComponents((a, r, q) -> a.equals(r) ? 1 : 0, 4, 32, 8);
    RewardBreakdown b = scorer.score(
        Completion.ofText("<think>mass in the left lung</think><answer>left lung</answer>"),
        RewardContext.open("Where?", "left lung", List.of()));
    assertThat(b.components().keySet()).containsExactly("format", "accuracy", "semantic", "ecr", "cwr", "overlong");
    assertThat(b.component("ecr")).isEqualTo(1.0);
    assertThat(b.total()).isEqualTo(3.0);
  }

  @Test
  void misuseIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> new RewardScorer(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> new RewardScorer(List.of(
        new WeightedReward(new FormatReward(), 1), new WeightedReward(new FormatReward(), 1))))
        .hasMessageContaining("given twice");
    var scorer = new RewardScorer(List.of(new WeightedReward(new FormatReward(), 1)));
    assertThatThrownBy(() -> scorer.scoreAll(List.of(Completion.ofText("x")), List.of()))
        .hasMessageContaining("1 completions but 0 contexts");
    assertThatThrownBy(() -> new WeightedReward(new FormatReward(), Double.NaN)).hasMessageContaining("finite");
  }
}
