package org.medvqa.training.phantom;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentences PhantomVQA uses for reference reasoning and reports, each grounded in what the
 * phantom's pixels show (appearance, size, place).
 */
final class Narrator {
  private Narrator() {}

  /** What a finding looks like and where it is, e.g. "a round 2.4 cm nodule in the right lung". */
  static String describe(PhantomSpec spec, Finding f) {
    PhantomKind kind = spec.kind();
    String size = f.sizeText();
    return switch (f.type()) {
      case NODULE -> kind == PhantomKind.CHEST_XRAY
          ? "a round " + size + " nodular opacity in the " + f.location()
          : "a round soft-tissue nodule of about " + size + " in the " + f.location();
      case MASS -> switch (kind) {
        case CHEST_XRAY -> "a large " + size + " mass opacity in the " + f.location();
        case CHEST_CT -> "a soft-tissue mass of about " + size + " in the " + f.location();
        case ABDOMEN_CT -> "a hypodense " + size + " mass in the liver";
        case HEAD_MR -> "a hyperintense " + size + " mass with surrounding oedema in the " + f.location();
      };
      case PLEURAL_EFFUSION -> kind == PhantomKind.CHEST_XRAY
          ? "a homogeneous opacity with a meniscus at the " + f.side().word() + " lung base, a pleural effusion"
          : "fluid layering in the dependent " + f.side().word() + " pleural space, a pleural effusion";
      case CARDIOMEGALY -> "a cardiac silhouette wider than half the chest, cardiomegaly";
      case CYST -> "a round fluid-density " + size + " cyst in the " + f.location();
      case HYDROCEPHALUS -> "markedly enlarged lateral ventricles, hydrocephalus";
    };
  }

  /** Why a finding type is absent: the normal appearance, or what is there instead. */
  static String absent(PhantomSpec spec, FindingType type) {
    String normal = switch (type) {
      case NODULE, MASS -> switch (spec.kind()) {
        case ABDOMEN_CT -> "The liver is homogeneous without a focal lesion";
        case HEAD_MR -> "The brain shows no focal signal change";
        default -> "The lungs show no focal opacity";
      };
      case PLEURAL_EFFUSION -> spec.kind() == PhantomKind.CHEST_XRAY
          ? "Both costophrenic angles are sharp" : "No fluid layers in the pleural spaces";
      case CARDIOMEGALY -> "The heart is of normal size";
      case CYST -> "Both kidneys are homogeneous";
      case HYDROCEPHALUS -> "The ventricles are of normal size";
    };
    List<Finding> others = sameOrgan(spec, type);
    if (!others.isEmpty()) {
      return "There is no " + type.term() + "; the image shows " + describe(spec, others.get(0)) + ".";
    }
    return normal + ", so there is no " + type.term() + ".";
  }

  /** The other focal findings in the organ where a focal finding of this type would sit. */
  static List<Finding> sameOrgan(PhantomSpec spec, FindingType type) {
    if (!type.focal()) {
      return List.of();
    }
    String organ = organOf(spec.kind(), type);
    return spec.findings().stream().filter(f -> f.type() != type && f.organ().equals(organ)).toList();
  }

  /** The organ a finding type sits in, for a phantom kind. */
  static String organOf(PhantomKind kind, FindingType type) {
    return switch (type) {
      case NODULE -> "lung";
      case PLEURAL_EFFUSION -> "pleura";
      case MASS -> switch (kind) {
        case ABDOMEN_CT -> "liver";
        case HEAD_MR -> "brain";
        default -> "lung";
      };
      case CARDIOMEGALY -> "heart";
      case CYST -> "kidney";
      case HYDROCEPHALUS -> "brain";
    };
  }

  static String modalityReason(PhantomKind kind) {
    return switch (kind) {
      case CHEST_CT, ABDOMEN_CT ->
          "A cross-sectional slice with air black, soft tissue grey and bone white: a CT image.";
      case CHEST_XRAY -> "A single projection of the whole chest with overlapping structures: an X-ray radiograph.";
      case HEAD_MR -> "Fluid is bright and the skull is dark, a T2-weighted MRI appearance.";
    };
  }

  static String planeReason(PhantomKind kind) {
    return switch (kind) {
      case CHEST_XRAY -> "The chest is seen from the front with both lungs side by side: a coronal (PA) view.";
      default -> "The body is cut across and seen from below, anterior at the top: an axial slice.";
    };
  }

  static String regionReason(PhantomKind kind) {
    return switch (kind) {
      case CHEST_CT, CHEST_XRAY -> "Both lungs and the heart are in view: the chest.";
      case ABDOMEN_CT -> "The liver, spleen and both kidneys are in view: the abdomen.";
      case HEAD_MR -> "The brain inside the skull is in view: the head.";
    };
  }

  /** A short radiology report: technique, findings, impression. */
  static String report(PhantomSpec spec) {
    StringBuilder b = new StringBuilder();
    b.append(spec.kind().seriesDescription()).append(". Findings: ");
    List<String> impression = new ArrayList<>();
    for (Finding f : spec.findings()) {
      b.append(capitalise(describe(spec, f))).append(". ");
      impression.add(f.type().term() + (f.location().equals("heart") || f.location().equals("ventricles")
          ? "" : " in the " + f.location()));
    }
    for (FindingType type : spec.kind().findings()) {
      if (!spec.has(type) && sameOrgan(spec, type).isEmpty()) {
        b.append(absent(spec, type)).append(' ');
      }
    }
    b.append("Impression: ");
    b.append(impression.isEmpty() ? "normal study." : String.join("; ", dedupe(impression)) + ".");
    return b.toString();
  }

  private static List<String> dedupe(List<String> items) {
    return items.stream().distinct().toList();
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
