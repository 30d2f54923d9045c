package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Corrects words that are neither in the dictionary's vocabulary nor common English
 * ("pneumothroax" -> pneumothorax). Bounded: only letter words of 5 to 30 chars are tried, and at
 * most {@link #MAX_LOOKUPS} per text, so a megabyte of gibberish costs no more than a short answer.
 */
public final class TypoStep implements TokenStep {
  static final int MAX_LOOKUPS = 24;
  static final int MIN_CHARS = 5;
  static final int MAX_CHARS = 30;

  private final Set<String> vocabulary;
  private final Set<String> commonWords;
  private final TypoCorrector corrector;

  public TypoStep(Set<String> vocabulary, Set<String> commonWords, TypoCorrector corrector) {
    this.vocabulary = vocabulary;
    this.commonWords = commonWords;
    this.corrector = corrector;
  }

  @Override
  public List<Token> apply(List<Token> tokens) {
    List<Token> out = null;
    int lookups = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String w = t.norm();
      if (lookups < MAX_LOOKUPS && candidate(w)) {
        lookups++;
        var fixed = corrector.correct(w);
        if (fixed.isPresent()) {
          if (out == null) {
            out = new ArrayList<>(tokens);
          }
          out.set(i, t.corrected(fixed.get()));
        }
      }
    }
    return out == null ? tokens : out;
  }

  private boolean candidate(String w) {
    int n = w.length();
    if (n < MIN_CHARS || n > MAX_CHARS || vocabulary.contains(w) || commonWords.contains(w)) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = w.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
