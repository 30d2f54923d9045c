package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.Laterality;
import org.medvqa.terminology.TerminologyException;

/**
 * Text to concept mentions: analyse (the chain of {@link TextAnalyzer}), match synonyms longest
 * first, then attach negation and side. Side words also stand as mentions of their own (Left,
 * Right, Bilateral), so an answer "left" can meet a reference "left lung". Thread-safe; linear in
 * the text, with typo correction capped per text.
 */
public final class ConceptExtractor {
  /** Longer text is refused (a clear error, not a long wait). */
  public static final int MAX_CHARS = 4_000_000;

  private final TextAnalyzer analyzer;
  private final SynonymDictionary dictionary;
  private final NegationDetector negation;
  private final LateralityDetector laterality = new LateralityDetector();
  private final Map<Laterality, Concept> sideConcepts;

  public ConceptExtractor(TextAnalyzer analyzer, SynonymDictionary dictionary, NegationDetector negation,
      Map<Laterality, Concept> sideConcepts) {
    this.analyzer = analyzer;
    this.dictionary = dictionary;
    this.negation = negation;
    this.sideConcepts = sideConcepts;
  }

  public List<ConceptMention> extract(String text) {
    return analyze(text).mentions();
  }

  public Extraction analyze(String text) {
    if (text == null) {
      throw new TerminologyException("text is missing");
    }
    if (text.length() > MAX_CHARS) {
      throw new TerminologyException("text too long: " + text.length() + " characters, the limit is " + MAX_CHARS);
    }
    List<Token> tokens = analyzer.analyze(text);
    List<SynonymDictionary.Match> matches = dictionary.match(tokens);
    boolean[] denied = negation.negated(tokens, matches);
    Laterality[] sides = laterality.attach(tokens, matches);
    List<ConceptMention> mentions = new ArrayList<>(matches.size() + 2);
    int next = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (next < matches.size() && matches.get(next).from() == i) {
        SynonymDictionary.Match m = matches.get(next);
        Token first = tokens.get(m.from());
        Token last = tokens.get(m.to() - 1);
        boolean corrected = false;
        for (int k = m.from(); k < m.to(); k++) {
          corrected |= tokens.get(k).corrected();
        }
        mentions.add(new ConceptMention(m.concept(), first.start(), last.end(),
            text.substring(first.start(), last.end()), denied[next], sides[next], corrected));
        i = m.to() - 1;
        next++;
        continue;
      }
      Laterality side = LateralityDetector.sideOf(t.norm());
      if (side != null && (!t.norm().equals("both") || bothModifiesSomething(tokens, matches, i))) {
        mentions.add(new ConceptMention(sideConcepts.get(side), t.start(), t.end(),
            text.substring(t.start(), t.end()), false, side, t.corrected()));
      }
    }
    return new Extraction(tokens, mentions);
  }

  /** "both" is a side word only before a phrase or "sides" ("both lungs", "both sides"), not in "both CT and MRI". */
  private static boolean bothModifiesSomething(List<Token> tokens, List<SynonymDictionary.Match> matches, int i) {
    if (i + 1 >= tokens.size() || tokens.get(i + 1).before() != Token.Boundary.NONE) {
      return false;
    }
    if (tokens.get(i + 1).norm().equals("side")) {
      return true;
    }
    for (SynonymDictionary.Match m : matches) {
      if (m.from() == i + 1) {
        return m.concept().kind() == org.medvqa.terminology.ConceptKind.ANATOMY
            || m.concept().kind() == org.medvqa.terminology.ConceptKind.FINDING;
      }
    }
    return false;
  }

  public SynonymDictionary dictionary() {
    return dictionary;
  }
}
