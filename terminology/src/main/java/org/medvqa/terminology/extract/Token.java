package org.medvqa.terminology.extract;

/**
 * One word of the text after normalisation.
 *
 * @param surface the characters as written (for case-sensitive abbreviations)
 * @param norm the normalised form that dictionary terms are compared with
 * @param start offset of the first char in the original text
 * @param end offset after the last char in the original text
 * @param before what separates it from the previous token
 * @param corrected whether {@link TypoStep} replaced a misspelling
 */
public record Token(String surface, String norm, int start, int end, Boundary before, boolean corrected) {

  /** Punctuation between two tokens, as far as negation and laterality scopes care. */
  public enum Boundary {
    NONE,
    COMMA,
    /** {@code . ; : ! ?}, a newline, or a bracket: ends a negation's scope. */
    CLAUSE
  }

  public Token withNorm(String newNorm) {
    return new Token(surface, newNorm, start, end, before, corrected);
  }

  public Token corrected(String newNorm) {
    return new Token(surface, newNorm, start, end, before, true);
  }
}
