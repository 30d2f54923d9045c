package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One word to its base form from the lexicon's table: British to American spelling
 * ("haemorrhage"), irregular plurals ("calculi"), adjectives to the organ ("renal" -> kidney), lay
 * words ("bleed" -> hemorrhage). Prefix rules cover the inflected British forms the table misses
 * ("haem", "oesoph", "oedem", "paed").
 */
public final class WordFormStep implements TokenStep {
  private static final String[][] PREFIXES = {
    {"haem", "hem"}, {"oesoph", "esoph"}, {"oedem", "edem"}, {"paed", "ped"}, {"anaem", "anem"}, {"leukaem", "leukem"}
  };

  private final Map<String, String> forms;

  public WordFormStep(Map<String, String> forms) {
    this.forms = forms;
  }

  @Override
  public List<Token> apply(List<Token> tokens) {
    List<Token> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      String n = base(t.norm());
      out.add(n.equals(t.norm()) ? t : t.withNorm(n));
    }
    return out;
  }

  String base(String word) {
    String mapped = forms.get(word);
    if (mapped != null) {
      return mapped;
    }
    for (String[] p : PREFIXES) {
      if (word.startsWith(p[0]) && word.length() > p[0].length() + 1) {
        String american = p[1] + word.substring(p[0].length());
        mapped = forms.get(american);
        return mapped != null ? mapped : american;
      }
    }
    return word;
  }
}
