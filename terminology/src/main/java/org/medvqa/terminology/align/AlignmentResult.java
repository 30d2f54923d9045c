package org.medvqa.terminology.align;

import java.util.List;
import org.medvqa.terminology.extract.ConceptMention;

/**
 * A semantic-alignment score with its reasons.
 *
 * @param score in [0, 1]
 * @param mode how it was computed
 * @param matched answer concepts paired with reference concepts, with the credit each earned
 * @param missed reference concepts the answer does not give
 * @param extra answer concepts the reference does not give (those only repeating the question are
 *     not held against the answer and are not listed)
 * @param contradictions pairs that disagree in polarity, side or an exclusive group; any one
 *     makes the score 0
 * @param answerConcepts every concept found in the answer
 * @param referenceConcepts every concept found in the reference
 * @param explanation one line for people
 */
public record AlignmentResult(
    double score,
    Mode mode,
    List<Match> matched,
    List<ConceptMention> missed,
    List<ConceptMention> extra,
    List<Contradiction> contradictions,
    List<ConceptMention> answerConcepts,
    List<ConceptMention> referenceConcepts,
    String explanation) {

  /** How the score was reached. */
  public enum Mode {
    /** F1 over concepts, with partial credit along broader/narrower. */
    CONCEPTS,
    /** A closed question: 1 when answer and reference agree on yes or no, else 0. */
    POLARITY,
    /** The reference names no known concept: F1 over normalised words. */
    WORDS,
    /** Nothing to compare (empty reference or answer). */
    EMPTY
  }

  /**
   * @param credit 1 for the same concept, less along broader/narrower
   * @param how {@code same}, {@code broader}, {@code narrower} or {@code parts}
   */
  public record Match(ConceptMention answer, ConceptMention reference, double credit, String how) {}

  /** @param reason {@code polarity}, {@code laterality}, {@code group:<name>}, {@code location} or {@code finding} */
  public record Contradiction(ConceptMention answer, ConceptMention reference, String reason) {}
}
