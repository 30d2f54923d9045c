package org.medvqa.dicom;

/**
 * Separable resampling with a triangle (tent) kernel whose support widens with the downscale factor,
 * so shrinking averages the covered pixels (no aliasing) and enlarging is bilinear. Pixel centres
 * are aligned: source coordinate {@code (x + 0.5) * srcW / dstW - 0.5}.
 */
public final class Resampler {
  private Resampler() {}

  /**
   * @param pad keep the aspect ratio: scale to fit inside width x height, centre, pad with 0
   */
  public static ModelReadyImage resize(ModelReadyImage image, int width, int height, boolean pad) {
    if (!pad) {
      return new ModelReadyImage(width, height, image.channels(),
          resample(image.pixels(), image.width(), image.height(), image.channels(), width, height));
    }
    double scale = Math.min((double) width / image.width(), (double) height / image.height());
    int w = Math.max(1, (int) Math.round(image.width() * scale));
    int h = Math.max(1, (int) Math.round(image.height() * scale));
    float[] inner = resample(image.pixels(), image.width(), image.height(), image.channels(), w, h);
    float[] out = new float[width * height * image.channels()];
    int x0 = (width - w) / 2;
    int y0 = (height - h) / 2;
    int c = image.channels();
    for (int y = 0; y < h; y++) {
      System.arraycopy(inner, y * w * c, out, ((y + y0) * width + x0) * c, w * c);
    }
    return new ModelReadyImage(width, height, c, out);
  }

  static float[] resample(float[] src, int sw, int sh, int c, int dw, int dh) {
    float[] horizontal = new float[dw * sh * c];
    Weights wx = Weights.of(sw, dw);
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < dw; x++) {
        for (int k = 0; k < c; k++) {
          double sum = 0;
          for (int j = 0; j < wx.count[x]; j++) {
            sum += wx.weight[x][j] * src[(y * sw + wx.first[x] + j) * c + k];
          }
          horizontal[(y * dw + x) * c + k] = (float) sum;
        }
      }
    }
    float[] out = new float[dw * dh * c];
    Weights wy = Weights.of(sh, dh);
    for (int y = 0; y < dh; y++) {
      for (int x = 0; x < dw; x++) {
        for (int k = 0; k < c; k++) {
          double sum = 0;
          for (int j = 0; j < wy.count[y]; j++) {
            sum += wy.weight[y][j] * horizontal[((wy.first[y] + j) * dw + x) * c + k];
          }
          out[(y * dw + x) * c + k] = (float) Math.max(0, Math.min(1, sum));
        }
      }
    }
    return out;
  }

  /** For each output index: the first source index, how many, and their normalised weights. */
  private record Weights(int[] first, int[] count, double[][] weight) {
    static Weights of(int src, int dst) {
      double scale = (double) src / dst;
      double support = Math.max(1.0, scale);
      int[] first = new int[dst];
      int[] count = new int[dst];
      double[][] weight = new double[dst][];
      for (int i = 0; i < dst; i++) {
        double centre = (i + 0.5) * scale - 0.5;
        int lo = Math.max(0, (int) Math.floor(centre - support) + 1);
        int hi = Math.min(src - 1, (int) Math.ceil(centre + support) - 1);
        if (hi < lo) {
          lo = hi = Math.max(0, Math.min(src - 1, (int) Math.round(centre)));
        }
        double[] w = new double[hi - lo + 1];
        double total = 0;
        for (int j = lo; j <= hi; j++) {
          double t = Math.max(0, 1 - Math.abs(j - centre) / support);
          w[j - lo] = t;
          total += t;
        }
        if (total <= 0) {
          java.util.Arrays.fill(w, 1.0 / w.length);
        } else {
          for (int j = 0; j < w.length; j++) {
            w[j] /= total;
          }
        }
        first[i] = lo;
        count[i] = w.length;
        weight[i] = w;
      }
      return new Weights(first, count, weight);
    }
  }
}
