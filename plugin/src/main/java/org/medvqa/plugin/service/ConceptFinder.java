package org.medvqa.plugin.service;

import java.util.List;

/** The port to the terminology: concepts mentioned in a text, with their character spans. */
@FunctionalInterface
public interface ConceptFinder {
  List<FoundConcept> find(String text);

  /** For a service without a terminology index. */
  ConceptFinder NONE = text -> List.of();
}
