package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;

/**
 * Every extractable synonym, normalised, in a word trie; {@link #match} takes the longest phrase at
 * each position, left to right (so "pleural effusion" wins over "pleura"). Built once from the
 * index; immutable and thread-safe afterwards. O(tokens x longest phrase) per text.
 *
 * <p>Left out: concepts of kind OTHER and LATERALITY, and synonyms naming a side ("left lung"):
 * {@link LateralityDetector} attaches the side to "lung" instead, so left and right stay comparable.
 * Short all-capital synonyms ("CAP", "US") match only when written in capitals.
 */
public final class SynonymDictionary {
  public static final int MAX_PHRASE_WORDS = 10;

  /** A phrase found: tokens {@code [from, to)}. */
  public record Match(int from, int to, Concept concept) {}

  private static final class Node {
    Map<String, Node> next;
    Concept loose;
    int loosePriority = Integer.MIN_VALUE;
    Concept exact;
    String exactSurface;
  }

  private final Node root = new Node();
  private final Set<String> vocabulary = new HashSet<>();
  private int phrases;

  /**
   * @param genericWords one-word synonyms of imported (non-lexicon) concepts that are ignored because
   *     in free text they are ordinary words ("area", "surface", "history")
   */
  public SynonymDictionary(List<Concept> concepts, TextAnalyzer analyzer, Set<String> genericWords) {
    for (Concept c : concepts) {
      if (c.kind() == ConceptKind.OTHER || c.kind() == ConceptKind.LATERALITY) {
        continue;
      }
      boolean lexicon = c.source().contains("medvqa lexicon");
      for (String synonym : c.synonyms()) {
        List<String> words = analyzer.normalizeTerm(synonym);
        if (!lexicon && words.size() == 1 && genericWords.contains(words.get(0))) {
          continue;
        }
        add(c, synonym, words);
      }
    }
  }

  private void add(Concept c, String raw, List<String> words) {
    if (words.isEmpty() || words.size() > MAX_PHRASE_WORDS) {
      return;
    }
    for (String w : words) {
      if (LateralityDetector.isSideWord(w)) {
        return;
      }
    }
    boolean number = words.size() == 1 && isNumber(words.get(0));
    if (words.size() == 1 && (number ? c.kind() != ConceptKind.QUALIFIER : words.get(0).length() < 2)) {
      return;
    }
    Node node = root;
    for (String w : words) {
      if (node.next == null) {
        node.next = new HashMap<>(4);
      }
      node = node.next.computeIfAbsent(w, k -> new Node());
    }
    vocabulary.addAll(words);
    phrases++;
    String stripped = raw.strip();
    if (words.size() == 1 && stripped.length() <= 4 && isCapitals(stripped)) {
      if (node.exact == null) {
        node.exact = c;
        node.exactSurface = stripped;
      }
      return;
    }
    int priority = priority(c, raw);
    if (priority > node.loosePriority) {
      node.loose = c;
      node.loosePriority = priority;
    }
  }

  /** Lexicon concepts first, then the preferred name, then findings and anatomy over the rest. */
  private static int priority(Concept c, String raw) {
    int p = c.source().contains("medvqa lexicon") ? 100 : 0;
    if (c.name().equalsIgnoreCase(raw)) {
      p += 10;
    }
    p += switch (c.kind()) {
      case FINDING -> 5;
      case ANATOMY, MODALITY -> 4;
      case PLANE -> 3;
      case QUALIFIER -> 2;
      default -> 0;
    };
    return p;
  }

  private static boolean isCapitals(String s) {
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c) || Character.isWhitespace(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  private static boolean isNumber(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (!Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Longest match at each position, left to right, non-overlapping. */
  public List<Match> match(List<Token> tokens) {
    return match(tokens, Integer.MAX_VALUE);
  }

  /**
   * Like {@link #match} but no phrase may span all the tokens: splits a compound term into the
   * concepts it is made of ("enlarged heart" -> enlarged, heart).
   */
  public List<Match> matchParts(List<Token> tokens) {
    return match(tokens, tokens.size() - 1);
  }

  private List<Match> match(List<Token> tokens, int maxWords) {
    List<Match> matches = new ArrayList<>();
    int i = 0;
    int n = tokens.size();
    while (i < n) {
      Node node = root;
      int bestTo = -1;
      Concept best = null;
      for (int j = i; j < n && node.next != null && j - i < MAX_PHRASE_WORDS && j - i < maxWords; j++) {
        if (j > i && tokens.get(j).before() == Token.Boundary.CLAUSE) {
          break;
        }
        node = node.next.get(tokens.get(j).norm());
        if (node == null) {
          break;
        }
        if (node.exact != null && j == i && node.exactSurface.equals(tokens.get(i).surface())) {
          best = node.exact;
          bestTo = j + 1;
        } else if (node.loose != null) {
          best = node.loose;
          bestTo = j + 1;
        }
      }
      if (best != null) {
        matches.add(new Match(i, bestTo, best));
        i = bestTo;
      } else {
        i++;
      }
    }
    return matches;
  }

  /** Every normalised word of every phrase (typo correction leaves these alone). */
  public Set<String> vocabulary() {
    return Collections.unmodifiableSet(vocabulary);
  }

  public int size() {
    return phrases;
  }
}
