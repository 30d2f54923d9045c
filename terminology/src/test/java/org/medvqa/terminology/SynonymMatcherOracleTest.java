package org.medvqa.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medvqa.terminology.extract.LanguageResources;
import org.medvqa.terminology.extract.SynonymDictionary;
import org.medvqa.terminology.extract.TextAnalyzer;
import org.medvqa.terminology.extract.Token;

/**
 * The trie matcher against a slow, obviously right one (every phrase tried at every position,
 * the longest wins), on random token sequences with random clause boundaries.
 */
class SynonymMatcherOracleTest {
  private static final Map<String, String> PHRASES = Map.of(
      "alpha beta", "AB", "alpha beta gamma", "ABG", "beta gamma", "BG", "gamma", "G",
      "delta epsilon zeta", "DEZ", "epsilon", "E", "zeta eta theta iota", "ZETI", "eta", "H");
  private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"};

  @Test
  void trieAgreesWithBruteForceOnRandomText() {
    TextAnalyzer analyzer = new TextAnalyzer(LanguageResources.bundled(), null);
    List<Concept> concepts = new ArrayList<>();
    PHRASES.forEach((phrase, code) -> concepts.add(
        new Concept("T", code, phrase, ConceptKind.FINDING, List.of(phrase), List.of(), "", "test")));
    SynonymDictionary dictionary = new SynonymDictionary(concepts, analyzer, Set.of());
    Random random = new Random(42);
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(14);
      for (int i = 0; i < n; i++) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(6) == 0 ? ". " : " ");
      }
      List<Token> tokens = analyzer.normalise(text.toString());
      List<String> fast = dictionary.match(tokens).stream().map(m -> m.from() + "-" + m.to() + ":" + m.concept().code()).toList();
      assertThat(fast).as(text.toString()).isEqualTo(slowMatch(tokens));
    }
  }

  private static List<String> slowMatch(List<Token> tokens) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String bestCode = null;
      int bestLength = 0;
      for (var e : PHRASES.entrySet()) {
        String[] words = e.getKey().split(" ");
        if (words.length > bestLength && matchesAt(tokens, i, words)) {
          bestLength = words.length;
          bestCode = e.getValue();
        }
      }
      if (bestCode == null) {
        i++;
      } else {
        out.add(i + "-" + (i + bestLength) + ":" + bestCode);
        i += bestLength;
      }
    }
    return out;
  }

  private static boolean matchesAt(List<Token> tokens, int at, String[] words) {
    if (at + words.length > tokens.size()) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      Token t = tokens.get(at + k);
      if (!t.norm().equals(words[k]) || (k > 0 && t.before() == Token.Boundary.CLAUSE)) {
        return false;
      }
    }
    return true;
  }
}
