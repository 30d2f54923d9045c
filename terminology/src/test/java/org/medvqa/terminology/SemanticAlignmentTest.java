package org.medvqa.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.medvqa.terminology.align.AlignmentResult;
import org.medvqa.terminology.align.SemanticAlignment;

class SemanticAlignmentTest {
  private final SemanticAlignment alignment = TestTerminology.get().alignment();

  private double score(String answer, String reference) {
    return alignment.score(answer, reference, null).score();
  }

  @Test
  void synonymsAbbreviationsAndLayTermsScoreOne() {
    assertThat(score("PTX", "pneumothorax")).isEqualTo(1.0);
    assertThat(score("collapsed lung on the right", "right pneumothorax")).isEqualTo(1.0);
    assertThat(score("enlarged heart", "cardiomegaly")).isEqualTo(1.0);
    assertThat(score("CT scan", "computed tomography")).isEqualTo(1.0);
  }

  @Test
  void compoundMatchesItsParts() {
    AlignmentResult r = alignment.score("the heart appears enlarged", "cardiomegaly", null);
    assertThat(r.score()).isEqualTo(1.0);
    assertThat(r.matched()).extracting(AlignmentResult.Match::how).containsOnly("parts");
  }

  @Test
  void contradictionsScoreZeroAndSayWhy() {
    AlignmentResult side = alignment.score("left pneumothorax", "right pneumothorax", null);
    assertThat(side.score()).isZero();
    assertThat(side.contradictions()).extracting(AlignmentResult.Contradiction::reason).contains("laterality");
    AlignmentResult polarity = alignment.score("no pneumothorax", "pneumothorax", null);
    assertThat(polarity.score()).isZero();
    assertThat(polarity.contradictions()).extracting(AlignmentResult.Contradiction::reason).containsExactly("polarity");
    assertThat(alignment.score("the heart is not enlarged", "cardiomegaly", null).score()).isZero();
    assertThat(alignment.score("CT", "MRI", null).contradictions()).extracting(AlignmentResult.Contradiction::reason)
        .containsExactly("group:modality");
    assertThat(score("small effusion", "large effusion")).isZero();
  }

  @Test
  void broaderOrNarrowerEarnsPartialCredit() {
    AlignmentResult r = alignment.score("subdural hematoma", "intracranial hemorrhage", null);
    assertThat(r.score()).isEqualTo(0.75);
    assertThat(r.matched()).extracting(AlignmentResult.Match::how).containsExactly("narrower");
  }

  @Test
  void f1OverConcepts() {
    AlignmentResult r = alignment.score("pneumonia", "right lower lobe pneumonia", null);
    // answer {pneumonia}; reference {right, lower lobe, pneumonia}: P = 1, R = 1/3, F1 = 0.5
    assertThat(r.score()).isEqualTo(0.5);
    assertThat(r.missed()).hasSize(2);
  }

  @Test
  void closedQuestionsScoreByPolarity() {
    String q = "Is there a pneumothorax?";
    assertThat(alignment.score("yes", "yes", q).mode()).isEqualTo(AlignmentResult.Mode.POLARITY);
    assertThat(alignment.score("No, there is none", "no", q).score()).isEqualTo(1.0);
    assertThat(alignment.score("there is no pneumothorax", "no", q).score()).isEqualTo(1.0);
    assertThat(alignment.score("a small pneumothorax is present", "yes", q).score()).isEqualTo(1.0);
    assertThat(alignment.score("yes", "no", q).score()).isZero();
    assertThat(alignment.score("maybe", "no", q).score()).isZero();
  }

  @Test
  void conceptFreeReferencesFallBackToWords() {
    AlignmentResult r = alignment.score("the Salter Harris classification", "Salter-Harris classification", null);
    assertThat(r.mode()).isEqualTo(AlignmentResult.Mode.WORDS);
    assertThat(r.score()).isEqualTo(1.0);
    assertThat(alignment.score("Garden classification", "Salter-Harris classification", null).score()).isEqualTo(0.4);
  }

  @Test
  void emptyAndMissingInput() {
    assertThat(alignment.score("", "pneumothorax", null).score()).isZero();
    assertThat(alignment.score("pneumothorax", "", null).mode()).isEqualTo(AlignmentResult.Mode.EMPTY);
    assertThatThrownBy(() -> alignment.score(null, "x", null)).isInstanceOf(TerminologyException.class);
  }

  @Test
  void scoresStayInUnitIntervalOnHostileInput() {
    String big = "pneumothorax on the left, \u0000 \u80ba ".repeat(30_000);
    double s = alignment.score(big, "left pneumothorax", null).score();
    assertThat(s).isBetween(0.0, 1.0);
  }
}
