package org.medvqa.training.phantom;

/**
 * The procedural anatomy of each {@link PhantomKind}, in anatomy coordinates (x to the image's right,
 * y down; the body spans about -1..1 before the per-phantom shift and scale). The patient's right is
 * on the image's left. The numbers are plausible proportions, not an atlas; what matters for
 * learning is that organs and findings are where the answers say, and large enough to see at 64x64
 * (one anatomy unit is 32 pixels there).
 */
final class Anatomy {
  private Anatomy() {}

  /** Field of view (mm across the image) per kind, for sizes in the reports and pixel spacing. */
  static double fieldOfViewMm(PhantomKind kind) {
    return switch (kind) {
      case CHEST_CT -> 360;
      case CHEST_XRAY -> 400;
      case ABDOMEN_CT -> 380;
      case HEAD_MR -> 240;
    };
  }

  // Chest CT, axial.
  static final Ellipse CT_BODY = new Ellipse(0, 0.05, 0.86, 0.62);
  static final Ellipse CT_BODY_INNER = new Ellipse(0, 0.05, 0.80, 0.56);
  static final Ellipse CT_HEART = new Ellipse(0.10, 0.10, 0.22, 0.19);
  static final Ellipse CT_SPINE = new Ellipse(0, 0.46, 0.09, 0.09);

  static Ellipse ctLung(Side side) {
    return side == Side.RIGHT ? new Ellipse(-0.38, 0, 0.27, 0.40) : new Ellipse(0.38, 0, 0.26, 0.40);
  }

  // Chest radiograph, posteroanterior.
  static final Ellipse XR_BODY = new Ellipse(0, 0.15, 0.88, 1.10);
  static final Ellipse XR_HEART = new Ellipse(0.08, 0.24, 0.25, 0.19);
  static final Ellipse XR_HEART_ENLARGED = new Ellipse(0.10, 0.24, 0.38, 0.24);

  static Ellipse xrLung(Side side) {
    return side == Side.RIGHT ? new Ellipse(-0.36, -0.10, 0.27, 0.56) : new Ellipse(0.36, -0.10, 0.25, 0.54);
  }

  /** The hemidiaphragm's dome under a lung: lung tissue lies above it, lower at the sides. */
  static double xrDiaphragm(Side side, double x) {
    Ellipse lung = xrLung(side);
    double u = (x - lung.cx()) / lung.a();
    return (side == Side.RIGHT ? 0.30 : 0.34) + 0.10 * u * u;
  }

  static boolean xrLungContains(Side side, double x, double y) {
    return xrLung(side).contains(x, y) && y < xrDiaphragm(side, x);
  }

  // Abdomen CT, axial.
  static final Ellipse AB_BODY = new Ellipse(0, 0.05, 0.88, 0.66);
  static final Ellipse AB_BODY_INNER = new Ellipse(0, 0.05, 0.82, 0.60);
  static final Ellipse AB_LIVER = new Ellipse(-0.36, -0.08, 0.38, 0.34);
  static final Ellipse AB_SPLEEN = new Ellipse(0.50, -0.02, 0.15, 0.22);
  static final Ellipse AB_SPINE = new Ellipse(0, 0.42, 0.10, 0.10);
  static final Ellipse AB_AORTA = new Ellipse(0.06, 0.22, 0.05, 0.05);

  static Ellipse abKidney(Side side) {
    return new Ellipse(side == Side.RIGHT ? -0.32 : 0.32, 0.30, 0.13, 0.17);
  }

  // Head MR, axial (anterior at the top).
  static final Ellipse MR_SCALP = new Ellipse(0, 0, 0.78, 0.92);
  static final Ellipse MR_SKULL = new Ellipse(0, 0, 0.74, 0.88);
  static final Ellipse MR_BRAIN = new Ellipse(0, 0, 0.68, 0.82);

  static Ellipse mrVentricle(Side side, boolean enlarged) {
    double x = side == Side.RIGHT ? -0.11 : 0.11;
    return enlarged ? new Ellipse(x * 1.25, -0.02, 0.14, 0.30) : new Ellipse(x, -0.02, 0.06, 0.22);
  }
}
