package org.medvqa.terminology;

import java.util.Locale;

/** The side a mention is on, when the text says one. */
public enum Laterality {
  LEFT,
  RIGHT,
  BILATERAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
