package org.medvqa.training.phantom;

/**
 * The patient's side. Images follow the radiological convention (axial slices seen from the feet,
 * radiographs posteroanterior): the patient's right is on the image's left.
 */
public enum Side {
  RIGHT("right"),
  LEFT("left");

  private final String word;

  Side(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public Side other() {
    return this == RIGHT ? LEFT : RIGHT;
  }

  /** The sign of this side's x in image coordinates (right -> -1, the image's left half). */
  double imageSign() {
    return this == RIGHT ? -1 : 1;
  }
}
