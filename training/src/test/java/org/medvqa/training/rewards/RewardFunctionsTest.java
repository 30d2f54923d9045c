package org.medvqa.training.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medvqa.training.data.QuestionType;

class RewardFunctionsTest {
  private static final RewardContext CLOSED = RewardContext.closed("Is there a nodule?", "yes");
  private static final RewardContext OPEN =
      RewardContext.open("Where is the mass?", "left lower lobe", List.of("lower lobe of the left lung"));
  private static final RewardContext MC =
      RewardContext.multipleChoice("Which modality?", "B", List.of("A: CT", "B: MRI", "C: X-ray"));

  /** Word-overlap (Jaccard) stands in for the terminology here; its own tests cover concept matching. */
  private static final SemanticScorer WORD_OVERLAP = (answer, reference, question) -> {
    var a = new HashSet<>(Arrays.asList(AnswerText.normalise(answer).split(" ")));
    var r = new HashSet<>(Arrays.asList(AnswerText.normalise(reference).split(" ")));
    var union = new HashSet<>(a);
    union.addAll(r);
    a.retainAll(r);
    return a.size() / (double) union.size();
  };

  private static Completion c(String think, String answer) {
    return Completion.ofText("<think>" + think + "</think><answer>" + answer + "</answer>");
  }

  @Test
  void formatNeedsBothBlocksAndANonEmptyAnswer() {
    var format = new FormatReward();
    assertThat(format.score(c("look", "yes"), CLOSED)).isEqualTo(1.0);
    assertThat(format.score(c("look", " "), CLOSED)).isEqualTo(0.0);
    assertThat(format.score(Completion.ofText("yes"), CLOSED)).isEqualTo(0.0);
  }

  @Test
  void accuracyIsRoutedByQuestionType() {
    var acc = new AccuracyReward();
    assertThat(acc.score(c("", "Yes"), CLOSED)).isEqualTo(1.0);
    assertThat(acc.score(c("", "no"), CLOSED)).isEqualTo(0.0);
    assertThat(acc.score(c("", "lower lobe of the left lung"), OPEN)).isEqualTo(1.0);
    assertThat(acc.score(c("", "left lung"), OPEN)).isEqualTo(0.0);
    assertThat(acc.score(c("", "MRI"), MC)).isEqualTo(1.0);
    assertThat(acc.score(c("", "A"), MC)).isEqualTo(0.0);
    assertThat(acc.score(Completion.ofText("yes"), CLOSED)).as("answer without tags still counts").isEqualTo(1.0);
  }

  @Test
  void semanticIsGradedBestOverParaphrasesAndResolvesLetters() {
    var sem = new SemanticAlignmentReward(WORD_OVERLAP);
    assertThat(sem.score(c("", "left lobe"), OPEN)).isCloseTo(2 / 3.0, within(1e-12));
    // best over paraphrases: "lower lobe left lung" shares 4 of 5 words with the paraphrase
    assertThat(sem.score(c("", "lower lobe left lung"), OPEN)).isCloseTo(4 / 5.0, within(1e-12));
    assertThat(sem.score(c("", "B"), MC)).isEqualTo(1.0);
    assertThat(sem.score(c("", "C"), MC)).isEqualTo(0.0);
    assertThat(sem.score(c("", "yes"), CLOSED)).isEqualTo(1.0);
    assertThat(sem.score(c("", ""), OPEN)).isEqualTo(0.0);
  }

  @Test
  void semanticScoresAreClampedToTheUnitInterval() {
    var sem = new SemanticAlignmentReward((a, r, q) -> 7.0);
    assertThat(sem.score(c("", "x"), OPEN)).isEqualTo(1.0);
    assertThat(new SemanticAlignmentReward((a, r, q) -> Double.NaN).score(c("", "x"), OPEN)).isEqualTo(0.0);
  }

  @Test
  void ecrPaysLengthAlwaysAndCwrOnlyWhenCorrect() {
    var ecr = new ReasoningLengthReward(ReasoningLengthReward.Mode.ECR, 8);
    var cwr = new ReasoningLengthReward(ReasoningLengthReward.Mode.CWR, 8);
    Completion rightShort = c("one two", "yes");
    Completion wrongLong = c("a b c d e f g h i j", "no");
    assertThat(ecr.score(rightShort, CLOSED)).isEqualTo(0.25);
    assertThat(ecr.score(wrongLong, CLOSED)).isEqualTo(1.0);
    assertThat(cwr.score(rightShort, CLOSED)).isEqualTo(0.25);
    assertThat(cwr.score(wrongLong, CLOSED)).isEqualTo(0.0);
    assertThat(ecr.name()).isEqualTo("ecr");
    assertThat(cwr.name()).isEqualTo("cwr");
  }

  @Test
  void overlongPenaltyIsZeroThenLinearThenMinusOne() {
    var penalty = new OverlongPenalty(32, 8); // soft zone (24, 32]
    assertThat(penalty.score(new Completion("", 10), CLOSED)).isEqualTo(0.0);
    assertThat(penalty.score(new Completion("", 24), CLOSED)).isEqualTo(0.0);
    assertThat(penalty.score(new Completion("", 26), CLOSED)).isEqualTo(-0.25);
    assertThat(penalty.score(new Completion("", 32), CLOSED)).isEqualTo(-1.0);
    assertThat(penalty.score(new Completion("", 40), CLOSED)).isEqualTo(-1.0);
    assertThatThrownBy(() -> new OverlongPenalty(32, 0)).hasMessageContaining("overlong buffer");
    assertThatThrownBy(() -> new OverlongPenalty(32, 33)).hasMessageContaining("overlong buffer");
  }

  @Test
  void badContextsAreRejected() {
    assertThatThrownBy(() -> RewardContext.multipleChoice("q", "A", List.of("A: only")))
        .hasMessageContaining("at least two options");
    assertThatThrownBy(() -> new ReasoningLengthReward(ReasoningLengthReward.Mode.ECR, 0))
        .hasMessageContaining("targetWords");
    assertThat(RewardContext.inferType("No.")).isEqualTo(QuestionType.CLOSED);
    assertThat(RewardContext.inferType("left lung")).isEqualTo(QuestionType.OPEN);
  }
}
