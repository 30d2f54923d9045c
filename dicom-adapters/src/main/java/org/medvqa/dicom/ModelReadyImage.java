package org.medvqa.dicom;

/**
 * An image ready for a vision model: floats in [0,1], channels interleaved (HWC), row-major:
 * channel {@code c} of pixel {@code (x, y)} is {@code pixels[(y * width + x) * channels + c]}.
 * {@code channels} is 1 (grayscale) or 3 (RGB).
 */
public record ModelReadyImage(int width, int height, int channels, float[] pixels) {
  public ModelReadyImage {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3: " + channels);
    }
    if ((long) width * height * channels != pixels.length) {
      throw new IllegalArgumentException("pixel count " + pixels.length + " != "
          + width + "x" + height + "x" + channels);
    }
  }

  public float get(int x, int y, int c) {
    return pixels[(y * width + x) * channels + c];
  }

  /** The same values planar (CHW), the layout most tensor libraries want. */
  public float[] toChw() {
    float[] out = new float[pixels.length];
    int plane = width * height;
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < channels; c++) {
        out[c * plane + i] = pixels[i * channels + c];
      }
    }
    return out;
  }
}
