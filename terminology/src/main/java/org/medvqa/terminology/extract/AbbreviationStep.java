package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces an abbreviation by the words it stands for ("RUL" -> right upper lobe), all keeping the
 * abbreviation's span. Abbreviations that are also ordinary words ("US", "PE" in some texts) are
 * case-sensitive: they expand only when written in capitals.
 */
public final class AbbreviationStep implements TokenStep {

  /** @param expansion folded words; @param exactSurface non-null when only this spelling counts */
  public record Abbreviation(List<String> expansion, String exactSurface) {}

  private final Map<String, List<Abbreviation>> byFolded;

  public AbbreviationStep(Map<String, List<Abbreviation>> byFolded) {
    this.byFolded = byFolded;
  }

  @Override
  public List<Token> apply(List<Token> tokens) {
    List<Token> out = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Abbreviation a = find(t);
      if (a == null) {
        if (out != null) {
          out.add(t);
        }
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(tokens.size() + 4);
        out.addAll(tokens.subList(0, i));
      }
      for (int k = 0; k < a.expansion().size(); k++) {
        out.add(new Token(t.surface(), a.expansion().get(k), t.start(), t.end(),
            k == 0 ? t.before() : Token.Boundary.NONE, false));
      }
    }
    return out == null ? tokens : out;
  }

  private Abbreviation find(Token t) {
    List<Abbreviation> candidates = byFolded.get(t.norm());
    if (candidates == null) {
      return null;
    }
    Abbreviation loose = null;
    for (Abbreviation a : candidates) {
      if (a.exactSurface() == null) {
        loose = loose == null ? a : loose;
      } else if (a.exactSurface().equals(t.surface())) {
        return a;
      }
    }
    return loose;
  }
}
