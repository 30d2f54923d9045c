package org.medvqa.dicom;

/**
 * A linear VOI window (DICOM PS3.3 C.11.2.1.2.1, the "LINEAR" function): a modality value {@code x}
 * maps to {@code ((x - (c - 0.5)) / (w - 1) + 0.5)} clamped to [0,1].
 */
public record VoiWindow(double center, double width) {
  public VoiWindow {
    if (!(width > 0) || !Double.isFinite(center)) {
      throw new IllegalArgumentException("window width must be > 0 and centre finite: " + center + "/" + width);
    }
  }

  /** The window from {@code low} to {@code high} (as values, inclusive). */
  public static VoiWindow spanning(double low, double high) {
    double width = Math.max(high - low, 1e-6) + 1;
    return new VoiWindow(low + (width - 1) / 2 + 0.5, width);
  }

  public double apply(double x) {
    if (width <= 1) {
      return x < center - 0.5 ? 0 : 1;
    }
    double y = (x - (center - 0.5)) / (width - 1) + 0.5;
    return y <= 0 ? 0 : y >= 1 ? 1 : y;
  }
}
