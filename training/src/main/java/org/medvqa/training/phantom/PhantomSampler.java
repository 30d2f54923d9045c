package org.medvqa.training.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws one phantom: its kind (uniform over {@link PhantomKind}), a small shift and scale of the
 * anatomy, and each finding its kind can hold with that finding's prevalence, placed where the
 * anatomy allows (inside the organ, clear of the heart, above a fluid level). Two nodules occur in a
 * quarter of the chest phantoms with nodules: enough for count questions, few enough that two-lesion
 * location questions stay a minority.
 */
final class PhantomSampler {
  static final double TWO_NODULE_SHARE = 0.25;
  private static final int MAX_TRIES = 200;

  private final Map<FindingType, Double> prevalence;

  PhantomSampler(Map<FindingType, Double> prevalence) {
    this.prevalence = prevalence;
  }

  PhantomSpec sample(String id, int index, Random random) {
    PhantomKind kind = PhantomKind.values()[random.nextInt(PhantomKind.values().length)];
    double dx = (2 * random.nextDouble() - 1) * 0.05;
    double dy = (2 * random.nextDouble() - 1) * 0.05;
    double scale = 0.93 + 0.12 * random.nextDouble();
    double mmPerUnit = scale * Anatomy.fieldOfViewMm(kind) / 2;
    List<Finding> findings = new ArrayList<>();
    // Diffuse findings first: focal ones placed after them keep clear of a fluid level.
    List<FindingType> order = new ArrayList<>(kind.findings());
    order.sort(java.util.Comparator.comparing(FindingType::focal));
    for (FindingType type : order) {
      if (random.nextDouble() < prevalence.get(type)) {
        place(kind, type, random, mmPerUnit, findings);
      }
    }
    return new PhantomSpec(id, index, kind, dx, dy, scale, findings);
  }

  private static void place(PhantomKind kind, FindingType type, Random random, double mmPerUnit,
      List<Finding> findings) {
    switch (kind) {
      case CHEST_CT, CHEST_XRAY -> placeChest(kind, type, random, mmPerUnit, findings);
      case ABDOMEN_CT -> placeAbdomen(type, random, mmPerUnit, findings);
      case HEAD_MR -> placeHead(type, random, mmPerUnit, findings);
    }
  }

  private static void placeChest(PhantomKind kind, FindingType type, Random random, double mmPerUnit,
      List<Finding> findings) {
    boolean xray = kind == PhantomKind.CHEST_XRAY;
    switch (type) {
      case PLEURAL_EFFUSION -> {
        Side side = randomSide(random);
        double level;
        if (xray) {
          level = Anatomy.xrDiaphragm(side, Anatomy.xrLung(side).cx()) - (0.18 + 0.14 * random.nextDouble());
        } else {
          Ellipse lung = Anatomy.ctLung(side);
          level = lung.cy() + lung.b() * (1 - 2 * (0.28 + 0.14 * random.nextDouble()));
        }
        findings.add(new Finding(type, side, "pleura", side.word() + " pleural space", 0, level, 0, 0));
      }
      case CARDIOMEGALY -> findings.add(new Finding(type, null, "heart", "heart", 0, 0, 0, 0));
      case NODULE, MASS -> {
        int count = type == FindingType.NODULE && random.nextDouble() < TWO_NODULE_SHARE ? 2 : 1;
        for (int i = 0; i < count; i++) {
          double r = type == FindingType.NODULE
              ? 0.060 + 0.015 * random.nextDouble()
              : 0.13 + 0.05 * random.nextDouble();
          Finding f = xray ? placeXrayLesion(type, r, random, mmPerUnit, findings)
              : placeCtLesion(type, r, random, mmPerUnit, findings);
          if (f != null) {
            findings.add(f);
          }
        }
      }
      default -> throw new IllegalStateException(type + " in a chest phantom");
    }
  }

  private static Finding placeCtLesion(FindingType type, double r, Random random, double mmPerUnit,
      List<Finding> placed) {
    for (int t = 0; t < MAX_TRIES; t++) {
      Side side = randomSide(random);
      Ellipse lung = Anatomy.ctLung(side);
      double[] p = lung.randomPointInBox(random);
      if (lung.holdsDisc(p[0], p[1], r, 0.02) && Anatomy.CT_HEART.clearOfDisc(p[0], p[1], r + 0.02)
          && fits(p[0], p[1], r, side, placed)) {
        return new Finding(type, side, "lung", side.word() + " lung", p[0], p[1], r, 2 * r * mmPerUnit);
      }
    }
    return null;
  }

  private static Finding placeXrayLesion(FindingType type, double r, Random random, double mmPerUnit,
      List<Finding> placed) {
    for (int t = 0; t < MAX_TRIES; t++) {
      Side side = randomSide(random);
      boolean upper = random.nextBoolean();
      Ellipse lung = Anatomy.xrLung(side);
      double[] p = lung.randomPointInBox(random);
      // Keep clear of the lung's horizontal midline so upper and lower are never borderline.
      boolean inZone = upper ? p[1] < lung.cy() - 0.06 : p[1] > lung.cy() + 0.06;
      if (inZone && lung.holdsDisc(p[0], p[1], r, 0.02)
          && p[1] + r + 0.03 < Anatomy.xrDiaphragm(side, p[0])
          && Anatomy.XR_HEART_ENLARGED.clearOfDisc(p[0], p[1], r + 0.02)
          && fits(p[0], p[1], r, side, placed)) {
        String location = side.word() + (upper ? " upper lobe" : " lower lobe");
        return new Finding(type, side, "lung", location, p[0], p[1], r, 2 * r * mmPerUnit);
      }
    }
    return null;
  }

  private static void placeAbdomen(FindingType type, Random random, double mmPerUnit, List<Finding> findings) {
    for (int t = 0; t < MAX_TRIES; t++) {
      if (type == FindingType.MASS) {
        double r = random.nextBoolean() ? 0.055 + 0.018 * random.nextDouble() : 0.10 + 0.06 * random.nextDouble();
        double[] p = Anatomy.AB_LIVER.randomPointInBox(random);
        if (Anatomy.AB_LIVER.holdsDisc(p[0], p[1], r, 0.03)) {
          findings.add(new Finding(type, Side.RIGHT, "liver", "liver", p[0], p[1], r, 2 * r * mmPerUnit));
          return;
        }
      } else if (type == FindingType.CYST) {
        Side side = randomSide(random);
        Ellipse kidney = Anatomy.abKidney(side);
        double r = 0.06 + 0.015 * random.nextDouble();
        double[] p = kidney.randomPointInBox(random);
        if (kidney.holdsDisc(p[0], p[1], r, 0.0)) {
          findings.add(new Finding(type, side, "kidney", side.word() + " kidney", p[0], p[1], r, 2 * r * mmPerUnit));
          return;
        }
      } else {
        throw new IllegalStateException(type + " in an abdomen phantom");
      }
    }
  }

  private static void placeHead(FindingType type, Random random, double mmPerUnit, List<Finding> findings) {
    if (type == FindingType.HYDROCEPHALUS) {
      findings.add(new Finding(type, null, "brain", "ventricles", 0, 0, 0, 0));
      return;
    }
    for (int t = 0; t < MAX_TRIES; t++) {
      Side side = randomSide(random);
      boolean frontal = random.nextBoolean();
      double r = random.nextBoolean() ? 0.08 + 0.03 * random.nextDouble() : 0.15 + 0.06 * random.nextDouble();
      double x = side.imageSign() * (0.16 + 0.32 * random.nextDouble());
      double y = (frontal ? -1 : 1) * (0.34 + 0.28 * random.nextDouble());
      double edema = 1.35 * r;
      if (Anatomy.MR_BRAIN.holdsDisc(x, y, edema, 0.02)
          && Anatomy.mrVentricle(side, true).clearOfDisc(x, y, edema)) {
        String location = side.word() + (frontal ? " frontal lobe" : " occipital lobe");
        findings.add(new Finding(type, side, "brain", location, x, y, r, 2 * r * mmPerUnit));
        return;
      }
    }
  }

  /** Clear of every focal finding already placed and above any effusion on that side. */
  private static boolean fits(double x, double y, double r, Side side, List<Finding> placed) {
    for (Finding f : placed) {
      if (f.type() == FindingType.PLEURAL_EFFUSION) {
        if (f.side() == side && y + r + 0.04 > f.y() - 0.10) {
          return false;
        }
      } else if (f.type().focal()) {
        double d = StrictMath.hypot(x - f.x(), y - f.y());
        if (d < r + f.radius() + 0.08) {
          return false;
        }
      }
    }
    return true;
  }

  private static Side randomSide(Random random) {
    return random.nextBoolean() ? Side.RIGHT : Side.LEFT;
  }
}
