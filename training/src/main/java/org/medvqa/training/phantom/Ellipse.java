package org.medvqa.training.phantom;

import java.util.Random;

/** An axis-aligned ellipse in anatomy coordinates: centre (cx, cy), semi-axes a (x) and b (y). */
record Ellipse(double cx, double cy, double a, double b) {

  boolean contains(double x, double y) {
    double u = (x - cx) / a;
    double v = (y - cy) / b;
    return u * u + v * v <= 1;
  }

  /** Whether a disc of radius r centred at (x, y) lies inside, with {@code margin} to spare. */
  boolean holdsDisc(double x, double y, double r, double margin) {
    double u = (x - cx) / (a - r - margin);
    double v = (y - cy) / (b - r - margin);
    return a - r - margin > 0 && b - r - margin > 0 && u * u + v * v <= 1;
  }

  /** Whether a disc of radius r centred at (x, y) keeps clear of this ellipse. */
  boolean clearOfDisc(double x, double y, double r) {
    double u = (x - cx) / (a + r);
    double v = (y - cy) / (b + r);
    return u * u + v * v > 1;
  }

  /** A uniform point of the bounding box (callers reject what does not fit). */
  double[] randomPointInBox(Random random) {
    return new double[] {cx + (2 * random.nextDouble() - 1) * a, cy + (2 * random.nextDouble() - 1) * b};
  }

  Ellipse scaled(double fa, double fb) {
    return new Ellipse(cx, cy, a * fa, b * fb);
  }
}
