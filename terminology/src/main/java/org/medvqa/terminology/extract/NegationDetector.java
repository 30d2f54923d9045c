package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medvqa.terminology.source.TextFile;

/**
 * NegEx in miniature. Trigger phrases from the lexicon's {@code negation.tsv}:
 * <ul>
 *   <li>{@code pre} ("no", "without", "negative for", "no evidence of") deny the mentions that follow
 *       within {@link #PRE_WINDOW} words, up to the end of the clause;
 *   <li>{@code post} ("is absent", "not seen", "ruled out") deny the mention just before, within
 *       {@link #POST_WINDOW} words;
 *   <li>{@code pseudo} ("no change", "cannot be excluded") look like negations but are not, and stop
 *       the scope of one before them;
 *   <li>{@code end} ("but", "however", "there is") end a scope.
 * </ul>
 * Words inside a concept phrase are never triggers ("no abnormality" names Normal).
 */
public final class NegationDetector {
  static final int PRE_WINDOW = 6;
  static final int POST_WINDOW = 4;

  /** What a trigger phrase does. */
  public enum Role {
    PRE, POST, PSEUDO, END;

    static Role parse(String text, TextFile file, int line) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw file.badRow(line, "role must be pre, post, pseudo or end, not '" + text + "'");
      }
    }
  }

  public record Trigger(String phrase, Role role) {}

  private record Phrase(String[] words, Role role) {}

  private record Found(int from, int to, Role role) {}

  private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();

  public NegationDetector(List<Trigger> triggers, TextAnalyzer analyzer) {
    for (Trigger t : triggers) {
      List<String> words = analyzer.normalizeTerm(t.phrase());
      if (!words.isEmpty()) {
        byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(new Phrase(words.toArray(String[]::new), t.role()));
      }
    }
    for (List<Phrase> list : byFirstWord.values()) {
      list.sort((a, b) -> b.words().length - a.words().length);
    }
  }

  /** Whether each match is denied. */
  public boolean[] negated(List<Token> tokens, List<SynonymDictionary.Match> matches) {
    boolean[] negated = new boolean[matches.size()];
    if (matches.isEmpty()) {
      return negated;
    }
    boolean[] covered = new boolean[tokens.size()];
    for (SynonymDictionary.Match m : matches) {
      for (int k = m.from(); k < m.to(); k++) {
        covered[k] = true;
      }
    }
    List<Found> found = findTriggers(tokens, covered);
    if (found.isEmpty()) {
      return negated;
    }
    for (int mi = 0; mi < matches.size(); mi++) {
      SynonymDictionary.Match m = matches.get(mi);
      negated[mi] = deniedBefore(tokens, found, m) || deniedAfter(tokens, found, m);
    }
    return negated;
  }

  private boolean deniedBefore(List<Token> tokens, List<Found> found, SynonymDictionary.Match m) {
    Found nearest = null;
    for (Found f : found) {
      if (f.to() <= m.from()) {
        nearest = f;
      } else {
        break;
      }
    }
    return nearest != null
        && nearest.role() == Role.PRE
        && m.from() - nearest.to() <= PRE_WINDOW
        && !clauseBetween(tokens, nearest.to(), m.from());
  }

  private boolean deniedAfter(List<Token> tokens, List<Found> found, SynonymDictionary.Match m) {
    for (Found f : found) {
      if (f.from() >= m.to()) {
        return f.role() == Role.POST && f.from() - m.to() <= POST_WINDOW && !clauseBetween(tokens, m.to(), f.from());
      }
    }
    return false;
  }

  /** A clause boundary before any token in {@code [from, to]}. */
  private static boolean clauseBetween(List<Token> tokens, int from, int to) {
    for (int k = from; k <= to && k < tokens.size(); k++) {
      if (tokens.get(k).before() == Token.Boundary.CLAUSE) {
        return true;
      }
    }
    return false;
  }

  private List<Found> findTriggers(List<Token> tokens, boolean[] covered) {
    List<Found> found = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      List<Phrase> candidates = covered[i] ? null : byFirstWord.get(tokens.get(i).norm());
      Phrase hit = null;
      if (candidates != null) {
        for (Phrase p : candidates) {
          if (matchesAt(tokens, covered, i, p.words())) {
            hit = p;
            break;
          }
        }
      }
      if (hit != null) {
        found.add(new Found(i, i + hit.words().length, hit.role()));
        i += hit.words().length;
      } else {
        i++;
      }
    }
    return found;
  }

  private static boolean matchesAt(List<Token> tokens, boolean[] covered, int at, String[] words) {
    if (at + words.length > tokens.size()) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      if (covered[at + k] || !tokens.get(at + k).norm().equals(words[k])
          || (k > 0 && tokens.get(at + k).before() == Token.Boundary.CLAUSE)) {
        return false;
      }
    }
    return true;
  }
}
