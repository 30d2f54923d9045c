package org.medvqa.training.phantom;

import java.util.Random;

/**
 * Renders a {@link PhantomSpec} into DICOM stored values: a row-major {@code short[size * size]} of
 * unsigned 12-bit values, {@code stored = value - rescaleIntercept} (slope 1), so CT pixels carry
 * Hounsfield units through the modality LUT. Each pixel averages a 2x2 grid of samples (soft edges),
 * then gets Gaussian noise.
 *
 * <p>Values (modality units): CT air -1000, lung -850, fat -90, soft tissue 40, liver 90 (enhanced),
 * kidney 160, lesion 50 in lung / -15 in liver, cyst 0, bone 700. Radiograph (brighter = denser):
 * air 150, body 2000, lung 700, heart 2400, nodule 2250. MR (T2-like): CSF 950, brain 450, skull 40,
 * mass 820 with an oedema ring of 640.
 */
final class PhantomRenderer {
  private static final int SUPERSAMPLE = 2;

  private PhantomRenderer() {}

  /** The phantom with its findings sorted once, so the per-sample code allocates nothing. */
  private record Scene(PhantomKind kind, Finding[] focal, Finding[] effusions, Finding[] masses,
      boolean cardiomegaly, boolean hydrocephalus) {
    static Scene of(PhantomSpec spec) {
      return new Scene(spec.kind(),
          spec.findings().stream().filter(f -> f.type().focal()).toArray(Finding[]::new),
          spec.findings(FindingType.PLEURAL_EFFUSION).toArray(Finding[]::new),
          spec.findings(FindingType.MASS).toArray(Finding[]::new),
          spec.has(FindingType.CARDIOMEGALY), spec.has(FindingType.HYDROCEPHALUS));
    }
  }

  static short[] render(PhantomSpec spec, int size, Random noise) {
    Scene scene = Scene.of(spec);
    short[] out = new short[size * size];
    double sigma = switch (spec.kind()) {
      case CHEST_CT -> 12;
      case ABDOMEN_CT -> 8;
      case CHEST_XRAY -> 35;
      case HEAD_MR -> 12;
    };
    double intercept = spec.kind().rescaleIntercept();
    for (int row = 0; row < size; row++) {
      for (int col = 0; col < size; col++) {
        double sum = 0;
        for (int sy = 0; sy < SUPERSAMPLE; sy++) {
          for (int sx = 0; sx < SUPERSAMPLE; sx++) {
            double x = (col + (sx + 0.5) / SUPERSAMPLE) / size * 2 - 1;
            double y = (row + (sy + 0.5) / SUPERSAMPLE) / size * 2 - 1;
            sum += value(scene, (x - spec.dx()) / spec.scale(), (y - spec.dy()) / spec.scale());
          }
        }
        double v = sum / (SUPERSAMPLE * SUPERSAMPLE) + sigma * noise.nextGaussian();
        long stored = Math.round(v - intercept);
        out[row * size + col] = (short) Math.max(0, Math.min(4095, stored));
      }
    }
    return out;
  }

  /** The modality value at a point of anatomy coordinates. */
  private static double value(Scene spec, double x, double y) {
    return switch (spec.kind()) {
      case CHEST_CT -> chestCt(spec, x, y);
      case CHEST_XRAY -> chestXray(spec, x, y);
      case ABDOMEN_CT -> abdomenCt(spec, x, y);
      case HEAD_MR -> headMr(spec, x, y);
    };
  }

  private static double chestCt(Scene spec, double x, double y) {
    if (!Anatomy.CT_BODY.contains(x, y)) {
      return -1000;
    }
    double v = Anatomy.CT_BODY_INNER.contains(x, y) ? 40 : -90;
    for (Side side : Side.values()) {
      if (Anatomy.ctLung(side).contains(x, y)) {
        v = -850;
        for (Finding f : spec.effusions()) {
          if (f.side() == side && y > f.y()) {
            v = 10;
          }
        }
      }
    }
    if (Anatomy.CT_HEART.contains(x, y)) {
      v = 45;
    }
    if (Anatomy.CT_SPINE.contains(x, y)) {
      v = 700;
    }
    return focal(spec, x, y, v, 50);
  }

  private static double chestXray(Scene spec, double x, double y) {
    if (!Anatomy.XR_BODY.contains(x, y)) {
      return 150;
    }
    double v = 2000;
    for (Side side : Side.values()) {
      if (Anatomy.xrLungContains(side, x, y)) {
        v = 700;
        for (Finding f : spec.effusions()) {
          // A meniscus: the fluid climbs higher at the lateral wall.
          double lateral = (x - Anatomy.xrLung(side).cx()) / Anatomy.xrLung(side).a() * side.imageSign();
          if (f.side() == side && y > f.y() - 0.08 * lateral) {
            v = 2100;
          }
        }
      }
    }
    if (Math.abs(x) < 0.09 && y > -0.75) {
      v = 2300; // mediastinum and spine
    }
    Ellipse heart = spec.cardiomegaly() ? Anatomy.XR_HEART_ENLARGED : Anatomy.XR_HEART;
    if (heart.contains(x, y)) {
      v = 2400;
    }
    return focal(spec, x, y, v, 2250);
  }

  private static double abdomenCt(Scene spec, double x, double y) {
    if (!Anatomy.AB_BODY.contains(x, y)) {
      return -1000;
    }
    double v = Anatomy.AB_BODY_INNER.contains(x, y) ? 40 : -100;
    if (Anatomy.AB_LIVER.contains(x, y)) {
      v = 90;
    }
    if (Anatomy.AB_SPLEEN.contains(x, y)) {
      v = 70;
    }
    for (Side side : Side.values()) {
      if (Anatomy.abKidney(side).contains(x, y)) {
        v = 160;
      }
    }
    if (Anatomy.AB_SPINE.contains(x, y)) {
      v = 700;
    }
    if (Anatomy.AB_AORTA.contains(x, y)) {
      v = 200;
    }
    for (Finding f : spec.focal()) {
      if (inside(f, x, y, 1)) {
        v = f.type() == FindingType.CYST ? 0 : -15;
      }
    }
    return v;
  }

  private static double headMr(Scene spec, double x, double y) {
    if (!Anatomy.MR_SCALP.contains(x, y)) {
      return 0;
    }
    if (!Anatomy.MR_SKULL.contains(x, y)) {
      return 350;
    }
    if (!Anatomy.MR_BRAIN.contains(x, y)) {
      return 40;
    }
    double v = 450;
    boolean enlarged = spec.hydrocephalus();
    for (Side side : Side.values()) {
      if (Anatomy.mrVentricle(side, enlarged).contains(x, y)) {
        v = 950;
      }
    }
    for (Finding f : spec.masses()) {
      if (inside(f, x, y, 1.35)) {
        v = 640; // oedema
      }
      if (inside(f, x, y, 1)) {
        v = 820;
      }
    }
    return v;
  }

  /** Paints focal findings (nodules, masses) over the background value. */
  private static double focal(Scene spec, double x, double y, double background, double lesion) {
    for (Finding f : spec.focal()) {
      if (inside(f, x, y, 1)) {
        return lesion;
      }
    }
    return background;
  }

  private static boolean inside(Finding f, double x, double y, double factor) {
    double dx = x - f.x();
    double dy = y - f.y();
    double r = f.radius() * factor;
    return dx * dx + dy * dy <= r * r;
  }
}
