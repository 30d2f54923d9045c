package org.medvqa.terminology.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.medvqa.terminology.Terminology;
import org.medvqa.terminology.align.AlignmentResult;

/** Found by {@code ConceptExtractionFuzzTest} (Jazzer); the fuzzer's own input is in tests/reliability/open-findings. */
class SemanticAlignmentFindingsTest {

  /**
   * A text that denies a concept in one place and affirms it in another ("no mass in the liver, mass in
   * the kidney") contradicts itself: every negated mention is paired with every affirmed one of the same
   * concept, so an answer identical to the reference scores 0.
   */
  @Test
  @Tag("open-finding")
  void anAnswerIdenticalToTheReferenceIsNeverAContradiction() {
    String text = "No mass in the liver. Mass in the kidney.";
    AlignmentResult r = Terminology.shared().alignment().score(text, text, "What is abnormal?");
    assertThat(r.contradictions()).as(r.explanation()).isEmpty();
    assertThat(r.score()).as(r.explanation()).isEqualTo(1.0);
  }
}
