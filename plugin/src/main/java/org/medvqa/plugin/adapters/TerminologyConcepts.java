package org.medvqa.plugin.adapters;

import java.util.List;
import java.util.Locale;
import org.medvqa.plugin.service.ConceptFinder;
import org.medvqa.plugin.service.FoundConcept;
import org.medvqa.terminology.Terminology;
import org.medvqa.terminology.extract.ConceptMention;

/**
 * Concept highlighting through the terminology's extractor (synonyms, abbreviations, typos, negation,
 * laterality): every mention with its span, so the web page can mark it in the answer.
 */
public final class TerminologyConcepts implements ConceptFinder {
  private final Terminology terminology;

  public TerminologyConcepts(Terminology terminology) {
    this.terminology = terminology;
  }

  @Override
  public List<FoundConcept> find(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<ConceptMention> mentions = terminology.extractor().extract(text);
    return mentions.stream()
        .map(m -> new FoundConcept(
            m.concept().code(),
            m.concept().scheme(),
            m.concept().name(),
            m.concept().kind().name().toLowerCase(Locale.ROOT),
            m.start(),
            m.end(),
            m.negated()))
        .toList();
  }
}
