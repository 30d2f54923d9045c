package org.medvqa.terminology.align;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;
import org.medvqa.terminology.Laterality;
import org.medvqa.terminology.TerminologyException;
import org.medvqa.terminology.align.AlignmentResult.Contradiction;
import org.medvqa.terminology.align.AlignmentResult.Match;
import org.medvqa.terminology.align.AlignmentResult.Mode;
import org.medvqa.terminology.extract.ConceptExtractor;
import org.medvqa.terminology.extract.ConceptMention;
import org.medvqa.terminology.extract.Extraction;
import org.medvqa.terminology.extract.SynonymDictionary;
import org.medvqa.terminology.extract.TextAnalyzer;
import org.medvqa.terminology.extract.Token;

/**
 * Graded agreement of an answer with a reference, in concepts.
 *
 * <p>Closed questions (the question starts "is/are/does ..." without "or", or either text is a bare
 * yes/no): {@code score = 1} when both say the same yes or no ({@link Polarity}), else 0.
 *
 * <p>Otherwise, with A the distinct answer concepts and R the reference's (concept, negated, side):
 * <pre>
 *   credit(a, r) = 1 for the same concept, 0.75 one step broader/narrower, 0.5 two steps, else 0
 *   pairs taken greedily by credit; a compound ("enlarged heart") also matches its parts
 *   P = sum(credit) / |A'|     A' = A without concepts only repeating the question
 *   R = sum(credit) / |R|
 *   score = 2PR / (P + R)
 * </pre>
 * except {@code score = 0} on a contradiction:
 * <ul>
 *   <li>polarity or side: a related pair (same, broader/narrower, or a compound and its part) where
 *       one is denied and the other not, or the sides differ;
 *   <li>group: both name members of one exclusive group (CT vs MRI, small vs large, upper vs lower
 *       lobe) and share none (broader/narrower members count as shared);
 *   <li>location: both place things in organs and no organ of one is related to one of the other
 *       ("renal cyst" vs "liver cyst");
 *   <li>finding: the answer misses every finding of the reference (those the question names aside)
 *       and names another one instead (atelectasis for pneumonia).
 * </ul>
 * Concepts of the answer that only repeat the question are not counted against it, and a compound
 * answer whose other parts are in the question matches ("the heart is enlarged" for "heart" when
 * asked which organ is enlarged). A reference without any known concept falls back to F1 over
 * normalised words. Thread-safe.
 */
public final class SemanticAlignment {
  static final double ONE_STEP = 0.75;
  static final double TWO_STEPS = 0.5;
  /** The lexicon's "normal" concept: a yes/no answer "normal" means no unless normality was asked. */
  public static final String NORMAL_ID = "MEDVQA:normal";
  private static final Set<String> CONNECTORS = Set.of("of", "in", "on", "at", "with", "to", "and", "or", "within", "from");
  private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "is", "are", "was", "were", "be", "been", "of",
      "in", "on", "at", "to", "and", "or", "with", "this", "that", "these", "those", "it", "there", "by", "for", "as",
      "image", "imag", "show", "shown", "seen", "visible", "see", "which", "what", "from", "its", "has", "have", "ha");

  private final ConceptExtractor extractor;
  private final Hierarchy hierarchy;
  private final TextAnalyzer plainAnalyzer;
  private final Map<String, Set<String>> partsCache = new ConcurrentHashMap<>();
  private final Map<String, List<String>> nameWords = new ConcurrentHashMap<>();

  public SemanticAlignment(ConceptExtractor extractor, Hierarchy hierarchy, TextAnalyzer plainAnalyzer) {
    this.extractor = extractor;
    this.hierarchy = hierarchy;
    this.plainAnalyzer = plainAnalyzer;
  }

  public AlignmentResult score(String answer, String reference) {
    return score(answer, reference, null);
  }

  /**
   * @param question may be null
   * @throws TerminologyException when answer or reference is null or too long
   */
  public AlignmentResult score(String answer, String reference, String question) {
    if (answer == null) {
      throw new TerminologyException("answer is missing");
    }
    if (reference == null) {
      throw new TerminologyException("reference is missing");
    }
    Extraction a = extractor.analyze(answer);
    Extraction r = extractor.analyze(reference);
    Extraction q = question == null || question.isBlank() ? null : extractor.analyze(question);
    if (r.tokens().isEmpty() || a.tokens().isEmpty()) {
      return new AlignmentResult(0, Mode.EMPTY, List.of(), r.mentions(), a.mentions(), List.of(), a.mentions(),
          r.mentions(), r.tokens().isEmpty() ? "the reference is empty" : "the answer is empty");
    }
    boolean closed = (q != null && Polarity.isClosedQuestion(q) && Polarity.of(r, q, hierarchy, NORMAL_ID) != Polarity.UNKNOWN)
        || Polarity.isBare(r) || (Polarity.isBare(a) && Polarity.explicit(r.tokens()) != Polarity.UNKNOWN);
    if (closed) {
      return polarity(a, r, q);
    }
    if (r.mentions().isEmpty()) {
      return words(a, r);
    }
    return concepts(a, r, q);
  }

  private AlignmentResult polarity(Extraction a, Extraction r, Extraction q) {
    Polarity pa = Polarity.of(a, q, hierarchy, NORMAL_ID);
    Polarity pr = Polarity.of(r, q, hierarchy, NORMAL_ID);
    double score = pa != Polarity.UNKNOWN && pa == pr ? 1 : 0;
    String why = "closed question: answer says " + label(pa) + ", reference says " + label(pr);
    return new AlignmentResult(score, Mode.POLARITY, List.of(), List.of(), List.of(), List.of(), a.mentions(), r.mentions(), why);
  }

  private static String label(Polarity p) {
    return p == Polarity.UNKNOWN ? "neither yes nor no" : p.name().toLowerCase(Locale.ROOT);
  }

  private AlignmentResult words(Extraction a, Extraction r) {
    Set<String> aw = contentWords(a);
    Set<String> rw = contentWords(r);
    if (rw.isEmpty()) {
      rw = allWords(r);
      aw = allWords(a);
    }
    Set<String> common = new HashSet<>(aw);
    common.retainAll(rw);
    double score = aw.isEmpty() || rw.isEmpty() || common.isEmpty() ? 0
        : 2.0 * common.size() / (aw.size() + rw.size());
    String why = String.format(Locale.ROOT, "no known concept in the reference: %d of %d reference words given, %d answer words",
        common.size(), rw.size(), aw.size());
    return new AlignmentResult(score, Mode.WORDS, List.of(), List.of(), a.mentions(), List.of(), a.mentions(), r.mentions(), why);
  }

  private static Set<String> contentWords(Extraction e) {
    Set<String> words = new HashSet<>();
    for (Token t : e.tokens()) {
      if (!FUNCTION_WORDS.contains(t.norm())) {
        words.add(t.norm());
      }
    }
    return words;
  }

  private static Set<String> allWords(Extraction e) {
    Set<String> words = new HashSet<>();
    for (Token t : e.tokens()) {
      words.add(t.norm());
    }
    return words;
  }

  private AlignmentResult concepts(Extraction a, Extraction r, Extraction q) {
    List<ConceptMention> answer = distinct(a.mentions());
    List<ConceptMention> reference = distinct(r.mentions());
    Set<String> asked = new HashSet<>();
    if (q != null) {
      for (ConceptMention m : q.mentions()) {
        asked.add(m.concept().id());
      }
    }
    List<Contradiction> contradictions = contradictions(answer, reference);
    if (!contradictions.isEmpty()) {
      return new AlignmentResult(0, Mode.CONCEPTS, List.of(), reference, List.of(), contradictions, a.mentions(), r.mentions(),
          "contradiction: " + describe(contradictions.get(0)));
    }
    boolean[] usedA = new boolean[answer.size()];
    boolean[] usedR = new boolean[reference.size()];
    List<Match> matched = new ArrayList<>();
    pairByCredit(answer, reference, usedA, usedR, matched);
    // A compound on one side met by its parts on the other counts as one concept on both sides.
    int mergedAnswerMentions = matchParts(reference, usedR, answer, usedA, matched, false, Set.of());
    int mergedReference = matchParts(answer, usedA, reference, usedR, matched, true, asked);
    Contradiction otherFinding = otherFinding(answer, usedA, reference, usedR, asked);
    if (otherFinding != null) {
      return new AlignmentResult(0, Mode.CONCEPTS, List.of(), reference, List.of(), List.of(otherFinding), a.mentions(),
          r.mentions(), "contradiction: " + describe(otherFinding));
    }
    List<ConceptMention> extra = new ArrayList<>();
    int answerCount = 0;
    for (int i = 0; i < answer.size(); i++) {
      if (usedA[i]) {
        answerCount++;
      } else if (!asked.contains(answer.get(i).concept().id())) {
        extra.add(answer.get(i));
        answerCount++;
      }
    }
    answerCount -= mergedAnswerMentions;
    List<ConceptMention> missed = new ArrayList<>();
    for (int i = 0; i < reference.size(); i++) {
      if (!usedR[i]) {
        missed.add(reference.get(i));
      }
    }
    double credit = 0;
    for (Match m : matched) {
      credit += m.credit();
    }
    int referenceCount = reference.size() - mergedReference;
    double precision = answerCount == 0 ? 0 : credit / answerCount;
    double recall = referenceCount == 0 ? 0 : credit / referenceCount;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    f1 = Math.max(0, Math.min(1, f1));
    String why = String.format(Locale.ROOT, "F1 %.2f over concepts (precision %.2f, recall %.2f): %d matched, %d missed, %d extra",
        f1, precision, recall, matched.size(), missed.size(), extra.size());
    return new AlignmentResult(f1, Mode.CONCEPTS, matched, missed, extra, List.of(), a.mentions(), r.mentions(), why);
  }

  private static List<ConceptMention> distinct(List<ConceptMention> mentions) {
    Map<String, ConceptMention> byKey = new LinkedHashMap<>();
    for (ConceptMention m : mentions) {
      byKey.putIfAbsent(m.key(), m);
    }
    return new ArrayList<>(byKey.values());
  }

  private List<Contradiction> contradictions(List<ConceptMention> answer, List<ConceptMention> reference) {
    List<Contradiction> found = new ArrayList<>();
    for (ConceptMention a : answer) {
      for (ConceptMention r : reference) {
        if (!related(a, r) || agrees(a, r)) {
          continue;
        }
        // A text may deny a concept in one place and affirm it in another ("no mass in the liver; mass
        // in the kidney"): a clash is a contradiction only when neither mention has a twin on the other side.
        if (supported(a, reference) || supported(r, answer)) {
          continue;
        }
        found.add(new Contradiction(a, r, a.negated() != r.negated() ? "polarity" : "laterality"));
      }
    }
    Map<String, List<ConceptMention>> answerGroups = groups(answer);
    Map<String, List<ConceptMention>> referenceGroups = groups(reference);
    for (var e : referenceGroups.entrySet()) {
      List<ConceptMention> inAnswer = answerGroups.get(e.getKey());
      if (inAnswer == null) {
        continue;
      }
      if (!shareRelated(inAnswer, e.getValue())) {
        found.add(new Contradiction(inAnswer.get(0), e.getValue().get(0), "group:" + e.getKey()));
      }
    }
    List<ConceptMention> answerPlaces = places(answer);
    List<ConceptMention> referencePlaces = places(reference);
    if (!answerPlaces.isEmpty() && !referencePlaces.isEmpty() && !shareRelated(answerPlaces, referencePlaces)
        && !shareHead(answerPlaces, referencePlaces)) {
      found.add(new Contradiction(answerPlaces.get(0), referencePlaces.get(0), "location"));
    }
    return found;
  }

  /** The same concept within two is-a steps, or one a part of the other's compound. */
  private boolean related(ConceptMention a, ConceptMention r) {
    int d = hierarchy.distance(a.concept().id(), r.concept().id());
    return d >= 0 && d <= 2
        || (!a.concept().id().equals(r.concept().id())
            && (parts(r.concept()).contains(a.concept().id()) || parts(a.concept()).contains(r.concept().id())));
  }

  /** Same polarity, and no two different sides. */
  private static boolean agrees(ConceptMention a, ConceptMention r) {
    return a.negated() == r.negated()
        && (a.laterality() == null || r.laterality() == null || a.laterality() == r.laterality());
  }

  /** Whether the other text says the same of this mention's concept somewhere. */
  private boolean supported(ConceptMention m, List<ConceptMention> other) {
    for (ConceptMention o : other) {
      if (related(m, o) && agrees(m, o)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some member of one list is the same as, broader or narrower than some member of the other. */
  private boolean shareRelated(List<ConceptMention> xs, List<ConceptMention> ys) {
    for (ConceptMention x : xs) {
      for (ConceptMention y : ys) {
        if (hierarchy.distance(x.concept().id(), y.concept().id()) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether one place's name ends with the other's ("abdominal aorta", "aorta"): a modifier before
   * the head noun makes a narrower place even where the source gives no parent.
   */
  private boolean shareHead(List<ConceptMention> xs, List<ConceptMention> ys) {
    for (ConceptMention x : xs) {
      List<String> xw = nameWords(x.concept());
      for (ConceptMention y : ys) {
        List<String> yw = nameWords(y.concept());
        if (endsWith(xw, yw) || endsWith(yw, xw)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean endsWith(List<String> longer, List<String> shorter) {
    return !shorter.isEmpty() && longer.size() >= shorter.size()
        && longer.subList(longer.size() - shorter.size(), longer.size()).equals(shorter);
  }

  private List<String> nameWords(Concept c) {
    return nameWords.computeIfAbsent(c.id(), id -> List.copyOf(plainAnalyzer.normalizeTerm(c.name())));
  }

  /**
   * The organs a text places things in: its affirmed anatomy mentions and the anatomy parts of its
   * compounds ("renal cyst": kidney). Two texts whose places share nothing related disagree on where.
   */
  private List<ConceptMention> places(List<ConceptMention> mentions) {
    List<ConceptMention> places = new ArrayList<>();
    for (ConceptMention m : mentions) {
      if (m.negated()) {
        continue;
      }
      if (m.concept().kind() == ConceptKind.ANATOMY) {
        places.add(m);
        continue;
      }
      for (String part : parts(m.concept())) {
        Concept c = hierarchy.concept(part);
        if (c != null && c.kind() == ConceptKind.ANATOMY) {
          places.add(new ConceptMention(c, m.start(), m.end(), m.text(), false, m.laterality(), m.corrected()));
        }
      }
    }
    return places;
  }

  /**
   * The answer names a finding the reference does not while missing every finding the reference
   * names (other than the question's own): a different diagnosis, however well the rest agrees.
   */
  private static Contradiction otherFinding(List<ConceptMention> answer, boolean[] usedA, List<ConceptMention> reference,
      boolean[] usedR, Set<String> asked) {
    ConceptMention missedFinding = null;
    for (int j = 0; j < reference.size(); j++) {
      ConceptMention r = reference.get(j);
      if (isFinding(r) && !asked.contains(r.concept().id())) {
        if (usedR[j]) {
          return null;
        }
        missedFinding = missedFinding == null ? r : missedFinding;
      }
    }
    if (missedFinding == null) {
      return null;
    }
    for (int i = 0; i < answer.size(); i++) {
      ConceptMention a = answer.get(i);
      if (!usedA[i] && isFinding(a) && !asked.contains(a.concept().id())) {
        return new Contradiction(a, missedFinding, "finding");
      }
    }
    return null;
  }

  private static boolean isFinding(ConceptMention m) {
    return !m.negated() && m.concept().kind() == ConceptKind.FINDING;
  }

  private static Map<String, List<ConceptMention>> groups(List<ConceptMention> mentions) {
    Map<String, List<ConceptMention>> groups = new LinkedHashMap<>();
    for (ConceptMention m : mentions) {
      if (!m.negated() && !m.concept().group().isEmpty()) {
        groups.computeIfAbsent(m.concept().group(), g -> new ArrayList<>()).add(m);
      }
    }
    return groups;
  }

  private static String describe(Contradiction c) {
    return c.reason() + " (answer: " + c.answer() + "; reference: " + c.reference() + ")";
  }

  private double credit(ConceptMention a, ConceptMention r) {
    if (a.negated() != r.negated()) {
      return 0;
    }
    int d = hierarchy.distance(a.concept().id(), r.concept().id());
    return switch (d) {
      case 0 -> 1;
      case 1 -> ONE_STEP;
      case 2 -> TWO_STEPS;
      default -> 0;
    };
  }

  private void pairByCredit(List<ConceptMention> answer, List<ConceptMention> reference, boolean[] usedA, boolean[] usedR,
      List<Match> matched) {
    record Pair(int a, int r, double credit) {}
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < answer.size(); i++) {
      for (int j = 0; j < reference.size(); j++) {
        double c = credit(answer.get(i), reference.get(j));
        if (c > 0) {
          pairs.add(new Pair(i, j, c));
        }
      }
    }
    pairs.sort((x, y) -> Double.compare(y.credit(), x.credit()));
    for (Pair p : pairs) {
      if (usedA[p.a()] || usedR[p.r()]) {
        continue;
      }
      usedA[p.a()] = true;
      usedR[p.r()] = true;
      ConceptMention a = answer.get(p.a());
      ConceptMention r = reference.get(p.r());
      String how = p.credit() == 1 ? "same"
          : hierarchy.isBroader(a.concept().id(), r.concept().id()) ? "broader" : "narrower";
      matched.add(new Match(a, r, p.credit(), how));
    }
  }

  /**
   * Unmatched compounds of {@code wholes} met by all their parts among unmatched {@code parts}.
   *
   * @return how many mentions of {@code parts} were merged away (parts used minus one per compound)
   */
  private int matchParts(List<ConceptMention> wholes, boolean[] usedWhole, List<ConceptMention> parts, boolean[] usedPart,
      List<Match> matched, boolean wholeIsAnswer, Set<String> asked) {
    int merged = 0;
    for (int w = 0; w < wholes.size(); w++) {
      if (usedWhole[w]) {
        continue;
      }
      ConceptMention whole = wholes.get(w);
      Set<String> needed = parts(whole.concept());
      if (needed.size() < 2) {
        continue;
      }
      List<Integer> found = new ArrayList<>();
      int givenByQuestion = 0;
      for (String id : needed) {
        if (asked.contains(id)) {
          givenByQuestion++;
          continue;
        }
        for (int p = 0; p < parts.size(); p++) {
          ConceptMention part = parts.get(p);
          if (!usedPart[p] && !found.contains(p) && part.concept().id().equals(id) && part.negated() == whole.negated()) {
            found.add(p);
            break;
          }
        }
      }
      if (found.isEmpty() || found.size() + givenByQuestion != needed.size()) {
        continue;
      }
      usedWhole[w] = true;
      for (int p : found) {
        usedPart[p] = true;
        ConceptMention part = parts.get(p);
        matched.add(wholeIsAnswer
            ? new Match(whole, part, 1.0 / found.size(), "parts")
            : new Match(part, whole, 1.0 / found.size(), "parts"));
      }
      merged += found.size() - 1;
    }
    return merged;
  }

  /** The concepts a compound term is made of ("enlarged heart": enlarged, heart); empty if none. */
  Set<String> parts(Concept concept) {
    Set<String> cached = partsCache.get(concept.id());
    if (cached != null) {
      return cached;
    }
    Set<String> parts = Set.of();
    SynonymDictionary dictionary = extractor.dictionary();
    int tried = 0;
    for (String synonym : concept.synonyms()) {
      if (tried++ >= 12) {
        break;
      }
      List<Token> tokens = plainAnalyzer.normalise(synonym);
      if (tokens.size() < 2 || tokens.size() > SynonymDictionary.MAX_PHRASE_WORDS) {
        continue;
      }
      List<SynonymDictionary.Match> pieces = dictionary.matchParts(tokens);
      if (pieces.size() < 2) {
        continue;
      }
      boolean[] covered = new boolean[tokens.size()];
      Set<String> ids = new java.util.LinkedHashSet<>();
      for (SynonymDictionary.Match m : pieces) {
        for (int k = m.from(); k < m.to(); k++) {
          covered[k] = true;
        }
        if (!m.concept().id().equals(concept.id())) {
          ids.add(m.concept().id());
        }
      }
      boolean complete = true;
      for (int k = 0; k < tokens.size(); k++) {
        complete &= covered[k] || CONNECTORS.contains(tokens.get(k).norm());
      }
      if (complete && ids.size() >= 2) {
        parts = Set.copyOf(ids);
        break;
      }
    }
    partsCache.put(concept.id(), parts);
    return parts;
  }
}
