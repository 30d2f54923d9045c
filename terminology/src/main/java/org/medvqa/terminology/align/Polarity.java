package org.medvqa.terminology.align;

import java.util.List;
import java.util.Set;
import org.medvqa.terminology.ConceptKind;
import org.medvqa.terminology.extract.ConceptMention;
import org.medvqa.terminology.extract.Extraction;
import org.medvqa.terminology.extract.Token;

/**
 * Yes or no, as a closed question's answer says it: an explicit first word ("yes", "no",
 * "negative"); else what it says of the question's own concepts ("there is no effusion"); else
 * "normal" (no, unless normality was asked about); else any finding it affirms or denies. Organs and
 * sides never decide: "the heart is normal in size" says nothing by naming the heart.
 */
public enum Polarity {
  YES, NO, UNKNOWN;

  private static final Set<String> YES_WORDS = Set.of("yes", "yeah", "yep", "yup", "correct", "true", "affirmative", "positive", "present");
  private static final Set<String> NO_WORDS = Set.of("no", "nope", "negative", "false", "incorrect", "absent", "none", "not", "nil");
  private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "do", "doe", "does", "did", "can", "could",
      "ha", "has", "have", "had", "will", "would", "should", "shall", "may", "might", "must", "isn", "aren", "doesn");

  /** Whether a question asks for yes or no ("Is there ...?", not "Is it CT or MRI?"). */
  static boolean isClosedQuestion(Extraction question) {
    List<Token> t = question.tokens();
    if (t.isEmpty() || !AUXILIARIES.contains(t.get(0).norm())) {
      return false;
    }
    for (Token token : t) {
      if (token.norm().equals("or")) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text is only a yes or a no (with punctuation, perhaps a second word like "yes it is"). */
  static boolean isBare(Extraction text) {
    List<Token> t = text.tokens();
    return !t.isEmpty() && t.size() <= 3 && explicit(t) != UNKNOWN && text.mentions().isEmpty();
  }

  static Polarity explicit(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return UNKNOWN;
    }
    String first = tokens.get(0).norm();
    if (YES_WORDS.contains(first)) {
      return YES;
    }
    return NO_WORDS.contains(first) ? NO : UNKNOWN;
  }

  static Polarity of(Extraction text, Extraction question, Hierarchy hierarchy, String normalId) {
    Polarity p = explicit(text.tokens());
    if (p != UNKNOWN) {
      return p;
    }
    boolean askedAboutNormal = false;
    if (question != null) {
      Boolean onQuestion = null;
      for (ConceptMention q : question.mentions()) {
        askedAboutNormal |= q.concept().id().equals(normalId);
      }
      for (ConceptMention m : text.mentions()) {
        // A side or an organ is not an assertion that something is present.
        if (m.concept().kind() == ConceptKind.LATERALITY || m.concept().kind() == ConceptKind.ANATOMY
            || m.concept().id().equals(normalId)) {
          continue;
        }
        for (ConceptMention q : question.mentions()) {
          if (hierarchy.distance(m.concept().id(), q.concept().id()) >= 0) {
            onQuestion = (onQuestion == null ? Boolean.TRUE : onQuestion) && !m.negated();
          }
        }
      }
      if (onQuestion != null) {
        return onQuestion ? YES : NO;
      }
    }
    for (ConceptMention m : text.mentions()) {
      if (m.concept().id().equals(normalId)) {
        return askedAboutNormal != m.negated() ? YES : NO;
      }
    }
    boolean affirmed = false;
    boolean denied = false;
    for (ConceptMention m : text.mentions()) {
      if (m.concept().kind() == ConceptKind.FINDING || m.concept().kind() == ConceptKind.QUALIFIER) {
        affirmed |= !m.negated();
        denied |= m.negated();
      }
    }
    if (denied && !affirmed) {
      return NO;
    }
    return affirmed && !denied ? YES : UNKNOWN;
  }
}
