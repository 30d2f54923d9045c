package org.medvqa.dicom.sr;

import java.util.Objects;

/**
 * A coded concept found in an answer: {@code scheme} is a DICOM coding scheme designator (SCT, RADLEX,
 * UMLS, LN, DCM, or a private {@code 99...}), {@code kind} one of the terminology's kinds (anatomy,
 * finding, modality, plane, laterality, qualifier) or null; it picks the concept name the code is filed
 * under in the report.
 */
public record Concept(String scheme, String code, String meaning, String kind) {
  public Concept {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(meaning, "meaning");
    if (scheme.isBlank() || code.isBlank() || meaning.isBlank()) {
      throw new IllegalArgumentException("a concept needs a scheme, a code and a meaning");
    }
    if (code.length() > 64 || meaning.length() > 64) {
      throw new IllegalArgumentException("code and meaning are limited to 64 characters: " + code + " / " + meaning);
    }
  }

  public Concept(String scheme, String code, String meaning) {
    this(scheme, code, meaning, null);
  }
}
