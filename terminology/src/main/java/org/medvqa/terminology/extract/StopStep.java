package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Drops articles, so "cyst of the kidney" and "cyst of kidney" are one phrase. */
public final class StopStep implements TokenStep {
  private static final Set<String> ARTICLES = Set.of("a", "an", "the");

  @Override
  public List<Token> apply(List<Token> tokens) {
    List<Token> out = new ArrayList<>(tokens.size());
    Token.Boundary carried = null;
    for (Token t : tokens) {
      if (ARTICLES.contains(t.norm())) {
        carried = carried == null || t.before().ordinal() > carried.ordinal() ? t.before() : carried;
        continue;
      }
      if (carried != null && carried.ordinal() > t.before().ordinal()) {
        t = new Token(t.surface(), t.norm(), t.start(), t.end(), carried, t.corrected());
      }
      carried = null;
      out.add(t);
    }
    return out;
  }
}
