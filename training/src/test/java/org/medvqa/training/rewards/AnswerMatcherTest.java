package org.medvqa.training.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerMatcherTest {
  private static final List<String> OPTIONS = List.of("A: CT", "B: MRI", "C: X-ray", "D: a mass");

  @Test
  void normalisationIgnoresCaseArticlesAndPunctuationButKeepsInnerHyphens() {
    assertThat(AnswerText.normalise("  The Left   lung. ")).isEqualTo("left lung");
    assertThat(AnswerText.normalise("X-ray!")).isEqualTo("x-ray");
    assertThat(AnswerText.normalise("ＹＥＳ")).isEqualTo("yes");
  }

  @Test
  void closedComparesTheLeadingYesOrNo() {
    assertThat(AnswerMatcher.closed("Yes.", "yes")).isTrue();
    assertThat(AnswerMatcher.closed("yes, in the left lung", "Yes")).isTrue();
    assertThat(AnswerMatcher.closed("no", "yes")).isFalse();
    assertThat(AnswerMatcher.closed("maybe", "no")).isFalse();
    assertThat(AnswerMatcher.closed("", "no")).isFalse();
    assertThat(AnswerMatcher.closed("nodule", "no")).isFalse();
  }

  @Test
  void multipleChoiceAcceptsLetterOrOptionText() {
    assertThat(AnswerMatcher.multipleChoice("B", "B", OPTIONS)).isTrue();
    assertThat(AnswerMatcher.multipleChoice("(b)", "B", OPTIONS)).isTrue();
    assertThat(AnswerMatcher.multipleChoice("B: MRI", "B", OPTIONS)).isTrue();
    assertThat(AnswerMatcher.multipleChoice("mri", "B", OPTIONS)).isTrue();
    assertThat(AnswerMatcher.multipleChoice("B.", "MRI", OPTIONS)).isTrue();
    assertThat(AnswerMatcher.multipleChoice("C", "B", OPTIONS)).isFalse();
    assertThat(AnswerMatcher.multipleChoice("E", "E", OPTIONS)).isFalse();
    assertThat(AnswerMatcher.multipleChoice("ultrasound", "B", OPTIONS)).isFalse();
  }

  @Test
  void optionTextWinsOverALeadingLetter() {
    // "a mass" is option D's text, not the letter A.
    assertThat(AnswerMatcher.optionIndex("a mass", OPTIONS)).isEqualTo(3);
    assertThat(AnswerMatcher.optionIndex("a", OPTIONS)).isEqualTo(0);
  }

  @Test
  void openIsNormalisedExactMatchAgainstReferenceOrParaphrase() {
    List<String> accepted = List.of("left lower lobe", "lower lobe of the left lung");
    assertThat(AnswerMatcher.open("Left lower lobe.", accepted)).isTrue();
    assertThat(AnswerMatcher.open("the lower lobe of the left lung", accepted)).isTrue();
    assertThat(AnswerMatcher.open("left upper lobe", accepted)).isFalse();
    assertThat(AnswerMatcher.open("", accepted)).isFalse();
  }
}
