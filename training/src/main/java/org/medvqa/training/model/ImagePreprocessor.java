package org.medvqa.training.model;

/**
 * Turns any {@link ModelImage} into the model's input: bilinear resize to S x S, channel conversion
 * (RGB to gray by the mean, gray to RGB by repetition), then per-pixel standardisation
 * {@code (x - mean[i]) / (std[i] + 0.05)} with the training set's mean image and per-pixel std.
 * FINDINGS.md: without it a from-scratch encoder learns to ignore the image.
 */
public final class ImagePreprocessor {
  public static final float STD_EPSILON = 0.05f;
  private final int channels;
  private final int size;
  private final float[] mean;
  private final float[] std;

  public ImagePreprocessor(int channels, int size, float[] mean, float[] std) {
    int n = channels * size * size;
    if (mean.length != n || std.length != n) {
      throw new IllegalArgumentException("standardisation needs " + n + " means and stds");
    }
    this.channels = channels;
    this.size = size;
    this.mean = mean.clone();
    this.std = std.clone();
  }

  /** No standardisation (mean 0, scale 1): for tests and untrained models. */
  public static ImagePreprocessor identity(ModelConfig config) {
    int n = config.channels() * config.imageSize() * config.imageSize();
    float[] std = new float[n];
    java.util.Arrays.fill(std, 1f - STD_EPSILON);
    return new ImagePreprocessor(config.channels(), config.imageSize(), new float[n], std);
  }

  /** Per-pixel mean and standard deviation over the (resized) training images. */
  public static ImagePreprocessor fit(ModelConfig config, Iterable<ModelImage> images) {
    int n = config.channels() * config.imageSize() * config.imageSize();
    double[] sum = new double[n];
    double[] sumSq = new double[n];
    long count = 0;
    ImagePreprocessor resizer = identity(config);
    for (ModelImage image : images) {
      float[] x = resizer.resized(image);
      for (int i = 0; i < n; i++) {
        sum[i] += x[i];
        sumSq[i] += (double) x[i] * x[i];
      }
      count++;
    }
    if (count == 0) {
      throw new IllegalArgumentException("cannot fit standardisation on zero images");
    }
    float[] mean = new float[n];
    float[] std = new float[n];
    for (int i = 0; i < n; i++) {
      double m = sum[i] / count;
      mean[i] = (float) m;
      std[i] = (float) Math.sqrt(Math.max(0, sumSq[i] / count - m * m));
    }
    return new ImagePreprocessor(config.channels(), config.imageSize(), mean, std);
  }

  public float[] mean() {
    return mean.clone();
  }

  public float[] std() {
    return std.clone();
  }

  /** Writes the standardised input of one image into {@code out} at {@code offset}. */
  public void standardise(ModelImage image, float[] out, int offset) {
    float[] x = resized(image);
    for (int i = 0; i < x.length; i++) {
      out[offset + i] = (x[i] - mean[i]) / (std[i] + STD_EPSILON);
    }
  }

  /** Resized and channel-converted pixels in [0, 1], (C, S, S). */
  float[] resized(ModelImage image) {
    float[] out = new float[channels * size * size];
    int plane = size * size;
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < size; y++) {
        float sy = Math.max(0f, Math.min(image.height() - 1f, (y + 0.5f) * image.height() / size - 0.5f));
        int y0 = (int) sy;
        int y1 = Math.min(y0 + 1, image.height() - 1);
        float fy = sy - y0;
        for (int x = 0; x < size; x++) {
          float sx = Math.max(0f, Math.min(image.width() - 1f, (x + 0.5f) * image.width() / size - 0.5f));
          int x0 = (int) sx;
          int x1 = Math.min(x0 + 1, image.width() - 1);
          float fx = sx - x0;
          float top = sample(image, c, y0, x0) * (1 - fx) + sample(image, c, y0, x1) * fx;
          float bottom = sample(image, c, y1, x0) * (1 - fx) + sample(image, c, y1, x1) * fx;
          out[c * plane + y * size + x] = top * (1 - fy) + bottom * fy;
        }
      }
    }
    return out;
  }

  /** Channel {@code c} of the model input read from the image's channels. */
  private float sample(ModelImage image, int c, int y, int x) {
    int plane = image.height() * image.width();
    int at = y * image.width() + x;
    if (image.channels() == channels) {
      return image.pixels()[c * plane + at];
    }
    if (image.channels() == 1) {
      return image.pixels()[at];
    }
    float[] p = image.pixels();
    return (p[at] + p[plane + at] + p[2 * plane + at]) / 3f;
  }
}
