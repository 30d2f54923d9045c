package org.medvqa.training.phantom;

/**
 * One finding placed in a phantom, in anatomy coordinates (x right, y down on the image, the body
 * spanning about -1..1).
 *
 * @param type what it is
 * @param side the patient's side, or {@code null} for midline/diffuse findings (cardiomegaly, hydrocephalus)
 * @param organ the organ it sits in ({@code lung}, {@code liver}, {@code kidney}, {@code brain}, {@code heart})
 * @param location the canonical location answer ({@code right lung}, {@code left upper lobe}, {@code liver},
 *     {@code right kidney}, {@code left frontal lobe}, ...)
 * @param x centre x (focal findings) or 0
 * @param y centre y (focal findings) or, for an effusion, the fluid level
 * @param radius radius (focal findings) in anatomy units, or the extent of a diffuse finding
 * @param sizeMm the diameter in millimetres (focal findings), 0 otherwise
 */
public record Finding(FindingType type, Side side, String organ, String location, double x, double y,
    double radius, double sizeMm) {

  /** {@code small} (under 3 cm) or {@code large}, the size answer. */
  public String sizeClass() {
    return sizeMm < 30 ? "small" : "large";
  }

  /** The diameter as a person says it: {@code 2.4 cm}. */
  public String sizeText() {
    return String.format(java.util.Locale.ROOT, "%.1f cm", sizeMm / 10.0);
  }
}
