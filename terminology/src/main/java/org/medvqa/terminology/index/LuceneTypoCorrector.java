package org.medvqa.terminology.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;
import org.medvqa.terminology.extract.TypoCorrector;

/**
 * Corrects a word to the closest word of the index's term dictionary (Lucene's Levenshtein
 * automata, transpositions count one edit). The first letter must agree; one edit is allowed up to
 * 7 letters, two from 8; the best candidate must be unique (a tie between different words means
 * no correction). Answers are cached (bounded), so the Lucene lookup runs once per new misspelling.
 */
public final class LuceneTypoCorrector implements TypoCorrector {
  static final int CACHE_LIMIT = 100_000;

  private final Terms terms;
  private final String field;
  private final ConcurrentHashMap<String, Optional<String>> cache = new ConcurrentHashMap<>();

  LuceneTypoCorrector(DirectoryReader reader, String field) {
    try {
      this.terms = MultiTerms.getTerms(reader, field);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.field = field;
  }

  @Override
  public Optional<String> correct(String word) {
    Optional<String> cached = cache.get(word);
    if (cached != null) {
      return cached;
    }
    Optional<String> answer = lookup(word);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(word, answer);
    return answer;
  }

  private Optional<String> lookup(String word) {
    if (terms == null) {
      return Optional.empty();
    }
    int maxEdits = word.length() >= 8 ? 2 : 1;
    try {
      FuzzyTermsEnum e = new FuzzyTermsEnum(terms, new Term(field, word), maxEdits, 1, true);
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      boolean tie = false;
      for (BytesRef t = e.next(); t != null; t = e.next()) {
        String candidate = t.utf8ToString();
        if (candidate.equals(word)) {
          return Optional.empty();
        }
        int d = EditDistance.osa(word, candidate);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
          tie = false;
        } else if (d == bestDistance) {
          tie = true;
        }
      }
      return best == null || tie || bestDistance > maxEdits ? Optional.empty() : Optional.of(best);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
