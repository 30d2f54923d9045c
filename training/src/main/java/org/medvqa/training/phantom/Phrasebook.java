package org.medvqa.training.phantom;

import java.util.List;
import java.util.Random;

/**
 * Question templates (the first of each list is the canonical phrasing) and answer paraphrases. A
 * question is asked in a non-canonical phrasing with probability {@code paraphraseRate}; then the
 * finding's name may be a synonym or lay term too. Answers are always canonical; the paraphrases are
 * the accepted alternatives a semantic reward should also accept.
 */
final class Phrasebook {
  static final List<String> MODALITY = List.of(
      "What imaging modality was used?", "What kind of scan is this?", "Which modality produced this image?",
      "How was this image acquired?", "What type of imaging is shown?");
  static final List<String> MODALITY_MC = List.of(
      "Which imaging modality is this?", "Which of these modalities produced the image?",
      "What kind of study is this?");
  static final List<String> MODALITY_CLOSED = List.of(
      "Is this %s?", "Is this image %s?", "Is this study %s?", "Was this taken as %s?");
  static final List<String> REGION = List.of(
      "Which body region is shown?", "What part of the body is this?", "Which area of the body was imaged?",
      "What body part does this image show?");
  static final List<String> PLANE = List.of(
      "In which plane is this image?", "What is the imaging plane?", "Which plane was this image taken in?",
      "What orientation is this image?");
  static final List<String> PRESENCE = List.of(
      "Is there %s in this image?", "Is %s present?", "Can you see %s?", "Does this image show %s?",
      "Is there evidence of %s?");
  static final List<String> PRESENCE_AT = List.of(
      "Is there %s in the %s?", "Does the %s contain %s?", "Can you see %s in the %s?");
  static final List<String> ABNORMAL = List.of(
      "Is there an abnormality?", "Is anything abnormal in this image?", "Are there any abnormal findings?",
      "Does this study show any pathology?");
  static final List<String> SIDE = List.of(
      "Is the %s on the %s side?", "Is the %s on the patient's %s?", "Does the %s lie on the %s side?");
  static final List<String> LOCATION = List.of(
      "Where is the %s?", "Where is the %s located?", "In which region is the %s?", "Where do you see the %s?");
  static final List<String> LOCATION_PLURAL = List.of(
      "Where are the %s?", "Where are the %s located?", "In which region are the %s?");
  static final List<String> SIZE = List.of(
      "How large is the %s?", "What is the size of the %s?", "Is the %s small or large?", "How big is the %s?");
  static final List<String> COUNT = List.of(
      "How many nodules are there?", "How many nodules can be seen?", "What is the number of nodules?",
      "How many lung nodules are visible?", "Count the nodules.");
  static final List<String> WHICH_FINDING = List.of(
      "Which finding is present?", "What abnormality does this image show?", "Which of these is seen?");

  static final String NORMAL = "normal";

  private final double paraphraseRate;
  private final Random random;

  Phrasebook(double paraphraseRate, Random random) {
    this.paraphraseRate = paraphraseRate;
    this.random = random;
  }

  /** Whether this question is paraphrased (draws once; use the answer for template and terms alike). */
  boolean paraphrase() {
    return random.nextDouble() < paraphraseRate;
  }

  /** The canonical template, or a uniformly chosen other one when paraphrasing. */
  String template(List<String> templates, boolean paraphrase) {
    return paraphrase && templates.size() > 1 ? templates.get(1 + random.nextInt(templates.size() - 1)) : templates.get(0);
  }

  /** "a nodule", or when paraphrasing, half the time a synonym with its article ("a spot on the lung"). */
  String findingWithArticle(FindingType type, boolean paraphrase) {
    if (paraphrase && random.nextBoolean()) {
      List<String> s = type.synonymsWithArticle();
      return s.get(random.nextInt(s.size()));
    }
    return type.withArticle();
  }

  /** "nodule", or when paraphrasing, half the time a synonym. */
  String findingTerm(FindingType type, boolean paraphrase) {
    if (paraphrase && random.nextBoolean()) {
      return type.synonyms().get(random.nextInt(type.synonyms().size()));
    }
    return type.term();
  }

  static List<String> modalityParaphrases(String modality) {
    return switch (modality) {
      case "CT" -> List.of("computed tomography", "CT scan", "CAT scan");
      case "MRI" -> List.of("magnetic resonance imaging", "MR", "MR scan");
      case "X-ray" -> List.of("radiograph", "chest X-ray", "CXR", "plain film");
      case "ultrasound" -> List.of("sonography", "US");
      default -> List.of();
    };
  }

  /** The modality as a noun with its article: "a CT scan", or a lay variant: "a CAT scan". */
  static String modalityNoun(String modality, boolean lay) {
    return switch (modality) {
      case "CT" -> lay ? "a CAT scan" : "a CT scan";
      case "MRI" -> lay ? "a magnetic resonance image" : "an MRI";
      case "X-ray" -> lay ? "a radiograph" : "an X-ray";
      default -> lay ? "a sonogram" : "an ultrasound";
    };
  }

  static List<String> regionParaphrases(String region) {
    return switch (region) {
      case "chest" -> List.of("thorax", "thoracic");
      case "abdomen" -> List.of("abdominal", "belly");
      case "head" -> List.of("brain", "skull", "cranium");
      default -> List.of();
    };
  }

  static List<String> planeParaphrases(String plane) {
    return switch (plane) {
      case "axial" -> List.of("transverse", "transaxial", "axial plane");
      case "coronal" -> List.of("frontal", "PA view", "coronal plane");
      default -> List.of();
    };
  }

  static List<String> sizeParaphrases(String sizeClass) {
    return sizeClass.equals("small")
        ? List.of("under 3 cm", "less than 3 cm", "small lesion")
        : List.of("over 3 cm", "more than 3 cm", "big");
  }

  static List<String> countParaphrases(int count) {
    return switch (count) {
      case 0 -> List.of("none", "zero", "no nodules");
      case 1 -> List.of("one", "single", "a single nodule");
      default -> List.of("two", count + " nodules");
    };
  }

  /** Alternatives for a location answer: the side alone, abbreviations, region words. */
  static List<String> locationParaphrases(String location) {
    String[] w = location.split(" ");
    String side = w[0];
    if (location.equals("liver")) {
      return List.of("hepatic", "liver parenchyma");
    }
    if (location.equals("both lungs")) {
      return List.of("bilateral", "both sides", "left and right lung");
    }
    if (location.endsWith("upper lobe") || location.endsWith("lower lobe")) {
      String abbreviation = ("" + side.charAt(0) + w[1].charAt(0) + "L").toUpperCase(java.util.Locale.ROOT);
      return List.of(abbreviation, side + " " + w[1] + " zone", w[1] + " " + side + " lung");
    }
    if (location.endsWith("frontal lobe") || location.endsWith("occipital lobe")) {
      return List.of(side + " " + w[1], w[1] + " lobe, " + side + " side", side + " " + w[1] + " region");
    }
    if (location.endsWith("pleural space")) {
      return List.of(side, side + " side", side + " hemithorax", side + " lung base");
    }
    if (location.endsWith("kidney")) {
      return List.of(side, side + " side", side + " renal");
    }
    return List.of(side, side + " side", location + " field");
  }
}
