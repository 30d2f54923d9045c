package org.medvqa.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Stored values to model-ready floats in [0,1], in this order (PS3.3 C.11, C.7.6.3):
 *
 * <ol>
 *   <li>colour: PALETTE COLOR through its lookup table, YBR_FULL / YBR_FULL_422 to RGB
 *       (R = Y + 1.402 (Cr-m), G = Y - 0.344136 (Cb-m) - 0.714136 (Cr-m), B = Y + 1.772 (Cb-m),
 *       m = 2^(bits-1)), then RGB scaled by the sample maximum — no VOI window for colour;
 *   <li>grayscale: modality LUT {@code m = slope * stored + intercept}; VOI window (the options',
 *       else the object's first, else the robust one spanning the low..high percentiles of m);
 *       MONOCHROME1 inverted ({@code 1 - v});
 *   <li>channels: gray to RGB by replication, RGB to gray by Rec. 601 luma (0.299, 0.587, 0.114);
 *   <li>resize ({@link Resampler}), stretching or padding.
 * </ol>
 */
public final class ImagePipeline {
  private final PreprocessOptions options;

  public ImagePipeline(PreprocessOptions options) {
    this.options = options;
  }

  public static ImagePipeline defaults() {
    return new ImagePipeline(PreprocessOptions.DEFAULT);
  }

  public PreprocessOptions options() {
    return options;
  }

  /**
   * Reads one frame for this pipeline's output size and applies the pipeline: with a target size
   * set, through {@link DicomReader#readForModel}, so a JPEG 2000 frame is decoded only down to the
   * wavelet level that still covers the output (the window percentiles then come from that level).
   */
  public ModelReadyImage read(DicomReader reader, Path file, int frameIndex) throws IOException {
    DicomReader.DecodedImage image = options.width() > 0
        ? reader.readForModel(file, frameIndex, options.width(), options.height())
        : reader.read(file, frameIndex);
    return apply(image.info(), image.frame());
  }

  public ModelReadyImage apply(DicomInfo info, DicomFrame frame) {
    int w = frame.columns();
    int h = frame.rows();
    String photometric = frame.photometricInterpretation();
    float[] pixels;
    int channels;
    if ("PALETTE COLOR".equals(photometric) && info.palette() != null && frame.samplesPerPixel() == 1) {
      pixels = palette(info.palette(), frame.samples());
      channels = 3;
    } else if (frame.samplesPerPixel() == 3) {
      pixels = colour(frame.samples(), photometric, info.bitsStored() > 0 ? info.bitsStored() : 8);
      channels = 3;
    } else {
      pixels = grayscale(info, frame.samples(), photometric);
      channels = 1;
    }
    pixels = convertChannels(pixels, channels, options.channels());
    channels = options.channels();
    if (options.width() > 0 && (options.width() != w || options.height() != h)) {
      return Resampler.resize(new ModelReadyImage(w, h, channels, pixels), options.width(),
          options.height(), options.resize() == PreprocessOptions.Resize.PAD);
    }
    return new ModelReadyImage(w, h, channels, pixels);
  }

  /** The window this pipeline applies to a grayscale frame, in modality units. */
  public VoiWindow windowFor(DicomInfo info, DicomFrame frame) {
    if (options.window() != null) {
      return options.window();
    }
    VoiWindow tagWindow = info.firstWindow();
    if (tagWindow != null && !options.ignoreTagWindow()) {
      return tagWindow;
    }
    return percentileWindow(modality(info, frame.samples()));
  }

  private float[] grayscale(DicomInfo info, int[] stored, String photometric) {
    double[] values = modality(info, stored);
    VoiWindow window = options.window() != null ? options.window()
        : info.firstWindow() != null && !options.ignoreTagWindow() ? info.firstWindow()
        : percentileWindow(values);
    boolean invert = "MONOCHROME1".equals(photometric);
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      double v = window.apply(values[i]);
      out[i] = (float) (invert ? 1 - v : v);
    }
    return out;
  }

  private static double[] modality(DicomInfo info, int[] stored) {
    double slope = info.rescaleSlope() == 0 ? 1 : info.rescaleSlope();
    double intercept = info.rescaleIntercept();
    double[] values = new double[stored.length];
    for (int i = 0; i < stored.length; i++) {
      values[i] = slope * stored[i] + intercept;
    }
    return values;
  }

  /** The window spanning the configured percentiles (a constant image gets a width of 1). */
  VoiWindow percentileWindow(double[] values) {
    double[] sorted = values.length > 1 << 20 ? subsample(values, 1 << 20) : values.clone();
    Arrays.sort(sorted);
    double low = percentile(sorted, options.lowPercentile());
    double high = percentile(sorted, options.highPercentile());
    if (high <= low) {
      low = sorted[0];
      high = sorted[sorted.length - 1];
    }
    return VoiWindow.spanning(low, high);
  }

  private static double[] subsample(double[] values, int n) {
    double[] out = new double[n];
    double step = (double) values.length / n;
    for (int i = 0; i < n; i++) {
      out[i] = values[(int) (i * step)];
    }
    return out;
  }

  private static double percentile(double[] sorted, double p) {
    double rank = p / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }

  private static float[] palette(PaletteLut lut, int[] stored) {
    float[] out = new float[stored.length * 3];
    float max = lut.maxValue();
    for (int i = 0; i < stored.length; i++) {
      int k = lut.index(stored[i]);
      out[3 * i] = lut.red()[k] / max;
      out[3 * i + 1] = lut.green()[k] / max;
      out[3 * i + 2] = lut.blue()[k] / max;
    }
    return out;
  }

  private static float[] colour(int[] stored, String photometric, int bits) {
    float max = (float) ((1L << bits) - 1);
    float[] out = new float[stored.length];
    boolean ybr = photometric.startsWith("YBR_FULL");
    double mid = 1L << (bits - 1);
    for (int i = 0; i < stored.length; i += 3) {
      double r = stored[i];
      double g = stored[i + 1];
      double b = stored[i + 2];
      if (ybr) {
        double y = r;
        double cb = g - mid;
        double cr = b - mid;
        r = y + 1.402 * cr;
        g = y - 0.344136 * cb - 0.714136 * cr;
        b = y + 1.772 * cb;
      }
      out[i] = clamp01((float) (r / max));
      out[i + 1] = clamp01((float) (g / max));
      out[i + 2] = clamp01((float) (b / max));
    }
    return out;
  }

  private static float[] convertChannels(float[] pixels, int from, int to) {
    if (from == to) {
      return pixels;
    }
    if (from == 1) {
      float[] out = new float[pixels.length * 3];
      for (int i = 0; i < pixels.length; i++) {
        out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = pixels[i];
      }
      return out;
    }
    float[] out = new float[pixels.length / 3];
    for (int i = 0; i < out.length; i++) {
      out[i] = clamp01(0.299f * pixels[3 * i] + 0.587f * pixels[3 * i + 1] + 0.114f * pixels[3 * i + 2]);
    }
    return out;
  }

  private static float clamp01(float v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }
}
