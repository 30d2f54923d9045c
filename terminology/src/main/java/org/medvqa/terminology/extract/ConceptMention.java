package org.medvqa.terminology.extract;

import org.medvqa.terminology.Concept;
import org.medvqa.terminology.Laterality;

/**
 * A concept found in text.
 *
 * @param concept the concept
 * @param start offset of the first char of the mention in the original text
 * @param end offset after its last char
 * @param text the mention as written
 * @param negated whether the text denies it ("no pneumothorax")
 * @param laterality the side the text gives it, or null
 * @param corrected whether a misspelling was corrected to find it
 */
public record ConceptMention(
    Concept concept, int start, int end, String text, boolean negated, Laterality laterality, boolean corrected) {

  /** Concept, polarity and side: what scoring compares. */
  public String key() {
    return concept.id() + (negated ? " -" : " +") + (laterality == null ? "" : " " + laterality.label());
  }

  @Override
  public String toString() {
    return (negated ? "NOT " : "") + (laterality == null ? "" : laterality.label() + " ") + concept.name()
        + " [" + concept.id() + "] @" + start + "-" + end;
  }
}
