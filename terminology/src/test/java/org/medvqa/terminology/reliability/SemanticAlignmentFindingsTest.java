package org.medvqa.terminology.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medvqa.terminology.Terminology;
import org.medvqa.terminology.align.AlignmentResult;

/**
 * Found by {@code ConceptExtractionFuzzTest} (Jazzer; its input is now in that target's regression
 * inputs): a text that denies a concept in one place and affirms it in another contradicted itself,
 * because every negated mention was paired with every affirmed one of the same concept.
 */
class SemanticAlignmentFindingsTest {
  private static AlignmentResult score(String answer, String reference) {
    return Terminology.shared().alignment().score(answer, reference, "What is abnormal?");
  }

  @Test
  void anAnswerIdenticalToTheReferenceIsNeverAContradiction() {
    for (String text : new String[] {"No mass in the liver. Mass in the kidney.",
        "Cyst in the left kidney. Cyst in the right kidney.", "Left pleural effusion, no right pleural effusion."}) {
      AlignmentResult r = score(text, text);
      assertThat(r.contradictions()).as(text + ": " + r.explanation()).isEmpty();
      assertThat(r.score()).as(text + ": " + r.explanation()).isEqualTo(1.0);
    }
  }

  @Test
  void aClashWithNoTwinOnTheOtherSideIsStillAContradiction() {
    assertThat(score("Mass in the kidney.", "No mass.").score()).isZero();
    assertThat(score("Cyst in the left kidney.", "Cyst in the right kidney.").score()).isZero();
  }

  @Test
  void denyingOneOfTwoPlacesIsAMissNotAContradiction() {
    AlignmentResult r = score("No mass in the liver.", "No mass in the liver. Mass in the kidney.");
    assertThat(r.contradictions()).as(r.explanation()).isEmpty();
    assertThat(r.score()).as(r.explanation()).isBetween(0.0, 0.99);
  }
}
