package org.medvqa.training.model;

/**
 * An image as the model reads it: {@code channels x height x width} floats in [0, 1], row-major per
 * channel. Any size; {@link ImagePreprocessor} resizes it to the model's input.
 */
public record ModelImage(int channels, int height, int width, float[] pixels) {
  public ModelImage {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("an image has 1 or 3 channels, not " + channels);
    }
    if (height <= 0 || width <= 0 || pixels.length != (long) channels * height * width) {
      throw new IllegalArgumentException(
          "image of " + channels + "x" + height + "x" + width + " needs that many pixels, got " + pixels.length);
    }
  }

  /** A uniform image (e.g. the blank-image baseline). */
  public static ModelImage blank(int channels, int height, int width, float value) {
    float[] p = new float[channels * height * width];
    java.util.Arrays.fill(p, value);
    return new ModelImage(channels, height, width, p);
  }

  /** An image from the DICOM layer (samples interleaved per pixel) in this record's planar layout. */
  public static ModelImage fromModelReady(org.medvqa.dicom.ModelReadyImage image) {
    return new ModelImage(image.channels(), image.height(), image.width(), image.toChw());
  }
}
