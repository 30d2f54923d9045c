package org.medvqa.plugin.model;

import java.util.Objects;

/**
 * One grey-level image as the model consumes it: {@code height x width} pixels in row-major order,
 * each in [0, 1] (already windowed and, for MONOCHROME1, inverted).
 */
public record ModelImage(int width, int height, float[] pixels) {
  public ModelImage {
    Objects.requireNonNull(pixels, "pixels");
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException(
          "image of " + width + "x" + height + " needs " + width * height + " pixels, got " + pixels.length);
    }
  }
}
