package org.medvqa.training.phantom;

import java.util.List;

/**
 * One phantom, before rendering: its kind, where its anatomy sits and what it holds.
 *
 * @param id the phantom's id ({@code pv-000012}), also its image's file stem
 * @param index its position in generation order (0-based)
 * @param kind the phantom family
 * @param dx horizontal shift of the whole anatomy (image units, -1..1 across)
 * @param dy vertical shift
 * @param scale size of the whole anatomy (1 = nominal)
 * @param findings what it holds (empty: a normal study)
 */
public record PhantomSpec(String id, int index, PhantomKind kind, double dx, double dy, double scale,
    List<Finding> findings) {

  public PhantomSpec {
    findings = List.copyOf(findings);
  }

  public boolean has(FindingType type) {
    return findings.stream().anyMatch(f -> f.type() == type);
  }

  public List<Finding> findings(FindingType type) {
    return findings.stream().filter(f -> f.type() == type).toList();
  }

  public boolean normal() {
    return findings.isEmpty();
  }

  /** Millimetres per pixel at the given image size. */
  public double pixelSpacingMm(int imageSize) {
    return Anatomy.fieldOfViewMm(kind) / imageSize;
  }
}
