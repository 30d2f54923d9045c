package org.medvqa.terminology.extract;

import java.util.Optional;

/** Finds the one vocabulary word a misspelt word most likely meant, or nothing. Thread-safe. */
@FunctionalInterface
public interface TypoCorrector {
  Optional<String> correct(String word);

  TypoCorrector NONE = word -> Optional.empty();
}
