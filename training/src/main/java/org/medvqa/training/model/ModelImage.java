package org.medvqa.training.model;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

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

  /** A PNG/JPEG as read by ImageIO: grayscale stays one channel, anything else becomes RGB. */
  public static ModelImage fromBufferedImage(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    boolean gray = image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_USHORT_GRAY
        || image.getColorModel().getNumColorComponents() == 1;
    if (gray) {
      Raster raster = image.getRaster();
      int bits = image.getColorModel().getComponentSize(0);
      float max = (float) ((1L << bits) - 1);
      float[] p = new float[h * w];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          p[y * w + x] = raster.getSample(x, y, 0) / max;
        }
      }
      return new ModelImage(1, h, w, p);
    }
    float[] p = new float[3 * h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        p[y * w + x] = ((rgb >> 16) & 0xff) / 255f;
        p[h * w + y * w + x] = ((rgb >> 8) & 0xff) / 255f;
        p[2 * h * w + y * w + x] = (rgb & 0xff) / 255f;
      }
    }
    return new ModelImage(3, h, w, p);
  }
}
