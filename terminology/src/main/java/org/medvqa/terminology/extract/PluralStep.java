package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Regular English plurals to the singular (effusions, opacities, masses, vertebrae). Only has to
 * be consistent, not linguistically right: text and dictionary terms pass through it alike, so
 * "pancreas" -> "pancrea" on both sides still meets. Irregular plurals are the lexicon's job.
 */
public final class PluralStep implements TokenStep {

  @Override
  public List<Token> apply(List<Token> tokens) {
    List<Token> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      String s = singular(t.norm());
      out.add(s.equals(t.norm()) ? t : t.withNorm(s));
    }
    return out;
  }

  public static String singular(String w) {
    int n = w.length();
    if (n <= 3 || !Character.isLetter(w.charAt(n - 1))) {
      return w;
    }
    if (w.endsWith("ae") && n > 4) {
      return w.substring(0, n - 1);
    }
    if (w.charAt(n - 1) != 's' || w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
      return w;
    }
    if (w.endsWith("ies") && n > 4) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("oses") && n > 6) {
      return w.substring(0, n - 2) + "is";
    }
    if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("zes")) {
      return w.substring(0, n - 2);
    }
    return w.substring(0, n - 1);
  }
}
