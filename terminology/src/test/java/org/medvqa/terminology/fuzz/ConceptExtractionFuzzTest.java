package org.medvqa.terminology.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.medvqa.terminology.Terminology;
import org.medvqa.terminology.align.AlignmentResult;
import org.medvqa.terminology.extract.ConceptMention;

/**
 * Fuzzes concept extraction and semantic alignment with arbitrary text: any Unicode, control
 * characters, broken surrogates, mixed scripts, near-miss spellings of the lexicon's words.
 *
 * <p>Input layout: UTF-8 (malformed bytes become U+FFFD), split at the first two {@code '\n'} into
 * answer, reference and question (a missing part is empty / no question). Properties:
 * <ul>
 *   <li>extraction never throws on text under the documented limit, and every mention's span lies
 *       inside the text, quotes it exactly, and mentions come in text order (a side word may share
 *       its span with the concept it qualifies when both come from one abbreviation: "LLL");</li>
 *   <li>the score is a number in [0, 1] and never throws;</li>
 *   <li>an answer identical to the reference is never scored as a disagreement: it has no
 *       contradictions, and when concepts or words were compared it scores 1.</li>
 * </ul>
 */
class ConceptExtractionFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void answerReferenceQuestion(byte[] input) {
    String all = new String(input, StandardCharsets.UTF_8);
    String[] parts = all.split("\n", 3);
    String answer = parts[0];
    String reference = parts.length > 1 ? parts[1] : "";
    String question = parts.length > 2 ? parts[2] : null;
    Terminology t = Terminology.shared();

    for (String text : new String[] {answer, reference}) {
      List<ConceptMention> mentions = t.extractor().extract(text);
      int previousStart = 0;
      for (ConceptMention m : mentions) {
        assertThat(m.start()).as("span start of %s", m).isBetween(previousStart, text.length());
        assertThat(m.end()).as("span end of %s", m).isBetween(m.start() + 1, text.length());
        assertThat(text.substring(m.start(), m.end())).as("quoted text of %s", m).isEqualTo(m.text());
        assertThat(m.concept()).isNotNull();
        previousStart = m.start();
      }
    }

    AlignmentResult r = t.alignment().score(answer, reference, question);
    assertThat(r.score()).as("score of %s", r.explanation()).isBetween(0.0, 1.0);
    assertThat(r.explanation()).isNotNull();

    AlignmentResult same = t.alignment().score(reference, reference, question);
    assertThat(same.contradictions()).as("a reference contradicting itself: %s", same.explanation()).isEmpty();
    if (same.mode() == AlignmentResult.Mode.CONCEPTS || same.mode() == AlignmentResult.Mode.WORDS) {
      assertThat(same.score()).as("reference scored against itself: %s", same.explanation()).isEqualTo(1.0);
    }
  }
}
