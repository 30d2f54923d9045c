package org.medvqa.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medvqa.terminology.extract.ConceptExtractor;
import org.medvqa.terminology.extract.ConceptMention;

class ConceptExtractorTest {
  private final ConceptExtractor extractor = TestTerminology.get().extractor();

  /** "NOT left Pneumothorax [SCT:36118008] @0-12" for each mention: everything about a result in one line. */
  private List<String> mentions(String text) {
    return extractor.extract(text).stream().map(ConceptMention::toString).toList();
  }

  @Test
  void findsConceptsWithNegationSideAndSpans() {
    assertThat(mentions("There is a small left pleural effusion without pneumothorax."))
        .containsExactly(
            "Small [SCT:255507004] @11-16",
            "left Left [SCT:7771000] @17-21",
            "left Pleural effusion [SCT:60046008] @22-38",
            "NOT Pneumothorax [SCT:36118008] @47-59");
  }

  @Test
  void expandsAbbreviationsIntoSideAndLobe() {
    assertThat(mentions("RLL consolidation"))
        .containsExactly(
            "right Right [SCT:24028007] @0-3",
            "right Lower lobe of lung [SCT:90572001] @0-3",
            "right Consolidation [MEDVQA:consolidation] @4-17");
  }

  @Test
  void britishSpellingsPluralsAndAdjectivesMeetTheDictionary() {
    assertThat(mentions("No evidence of intracranial haemorrhages")).containsExactly("NOT Intracranial hemorrhage [MEDVQA:ich] @15-40");
    assertThat(mentions("renal calculi")).containsExactly("Kidney stone [MEDVQA:kidney_stone] @0-13");
    assertThat(mentions("tumours of the oesophagus"))
        .containsExactly("Tumor [SCT:108369006] @0-7", "Esophagus [SCT:32849002] @15-25");
  }

  @Test
  void aDecimalMeasurementIsNotANumberWordAndDoesNotEndTheClause() {
    assertThat(mentions("There is a round fluid-density 2.6 cm cyst in the left kidney."))
        .noneMatch(m -> m.contains("Two")).anyMatch(m -> m.contains("Cyst"));
    assertThat(mentions("No mass larger than 2.5 cm in the liver")).anyMatch(m -> m.startsWith("NOT") && m.contains("Liver"));
    assertThat(mentions("two cysts")).anyMatch(m -> m.contains("Two"));
  }

  @Test
  void layTermsMapToTheClinicalConcept() {
    assertThat(mentions("brain bleed")).containsExactly("Intracranial hemorrhage [MEDVQA:ich] @0-11");
    assertThat(mentions("enlarged heart")).containsExactly("Cardiomegaly [SCT:287272002] @0-14");
  }

  @Test
  void correctsTyposButNotRealWords() {
    List<ConceptMention> found = extractor.extract("pneumothrax");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).concept().id()).isEqualTo("SCT:36118008");
    assertThat(found.get(0).corrected()).isTrue();
    assertThat(mentions("the injection site")).isEmpty();
    assertThat(mentions("plural")).isEmpty();
  }

  @Test
  void negationEndsAtClauseAndBut() {
    assertThat(mentions("No pneumothorax. Effusion present."))
        .containsExactly("NOT Pneumothorax [SCT:36118008] @3-15", "Effusion [SCT:41699000] @17-25");
    assertThat(mentions("no effusion but consolidation"))
        .containsExactly("NOT Effusion [SCT:41699000] @3-11", "Consolidation [MEDVQA:consolidation] @16-29");
    assertThat(mentions("pneumothorax is not seen")).containsExactly("NOT Pneumothorax [SCT:36118008] @0-12");
    assertThat(mentions("pneumothorax cannot be excluded")).containsExactly("Pneumothorax [SCT:36118008] @0-12");
  }

  @Test
  void sideAfterTheConcept() {
    assertThat(mentions("effusion on the right"))
        .containsExactly("right Effusion [SCT:41699000] @0-8", "right Right [SCT:24028007] @16-21");
  }

  @Test
  void shortCapitalAbbreviationsAreCaseSensitive() {
    assertThat(mentions("US of the liver")).containsExactly("Ultrasound [DCM:US] @0-2", "Liver [SCT:10200004] @10-15");
    assertThat(mentions("show us the liver")).containsExactly("Liver [SCT:10200004] @12-17");
  }

  @Test
  void hostileInputIsBoundedAndSafe() {
    StringBuilder big = new StringBuilder();
    while (big.length() < 1_000_000) {
      big.append("pneumothrox qwzzxy \u0000\u0007 \u043b\u0435\u0433\u043a\u043e\u0435 \u80ba left effusion; ");
    }
    List<ConceptMention> found = extractor.extract(big.toString());
    assertThat(found).isNotEmpty();
    assertThat(found).allSatisfy(m -> assertThat(m.end()).isLessThanOrEqualTo(big.length()));
    assertThat(mentions("")).isEmpty();
    assertThat(mentions("\u0000\u0001\u0002")).isEmpty();
    assertThat(mentions("\uD83D\uDE00 \u80ba\u708e PNEUMOTHORAX")).containsExactly("Pneumothorax [SCT:36118008] @6-18");
    assertThatThrownBy(() -> extractor.extract("x".repeat(ConceptExtractor.MAX_CHARS + 1)))
        .isInstanceOf(TerminologyException.class)
        .hasMessageContaining("too long");
    assertThatThrownBy(() -> extractor.extract(null)).isInstanceOf(TerminologyException.class);
  }
}
