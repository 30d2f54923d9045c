package org.medvqa.terminology.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** NFKC, lower case (root locale), ligatures spelt out and diacritics removed: "Ödem" and "odem" meet. */
public final class FoldingStep implements TokenStep {

  @Override
  public List<Token> apply(List<Token> tokens) {
    List<Token> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      out.add(t.withNorm(fold(t.norm())));
    }
    return out;
  }

  public static String fold(String s) {
    boolean ascii = true;
    boolean lower = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      if (c >= 'A' && c <= 'Z') {
        lower = false;
      }
    }
    if (ascii) {
      return lower ? s : s.toLowerCase(Locale.ROOT);
    }
    String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replace("\u0153", "oe").replace("\u00e6", "ae").replace("\u00df", "ss");
    String nfd = Normalizer.normalize(nfkc, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
