package org.medvqa.terminology;

import java.util.Locale;

/** What a concept names; decides how extraction and scoring treat it. */
public enum ConceptKind {
  ANATOMY,
  FINDING,
  MODALITY,
  PLANE,
  LATERALITY,
  /** Size, count, severity, density and similar modifiers. */
  QUALIFIER,
  /** Known to the index (lookup, search) but never extracted from free text. */
  OTHER;

  /** Parses a kind written in any case; unknown or blank text gives {@link #OTHER}. */
  public static ConceptKind parse(String text) {
    if (text == null || text.isBlank()) {
      return OTHER;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return OTHER;
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
