package org.medvqa.training.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.medvqa.training.data.QuestionType;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaExample;

/**
 * Writes the questions about one phantom (about six on average), each with its canonical answer,
 * accepted paraphrases and a one-sentence reference reasoning:
 *
 * <ul>
 *   <li>{@code modality} (open, or multiple choice a quarter of the time), {@code region}, {@code plane}
 *       (open), each asked of some images only;
 *   <li>{@code presence} (closed, two per image): "Is there a nodule?", a third of them tied to a place
 *       ("... in the left lung?"); the wanted answer is drawn with {@code yesRatio};
 *   <li>{@code abnormality} (closed) and {@code side} (closed, "Is the mass on the left side?");
 *   <li>{@code location}, {@code size} (small/large, 3 cm), {@code count} (nodules, chest only) (open);
 *   <li>{@code finding} (multiple choice of four: which finding is present, or {@code normal}).
 * </ul>
 *
 * Two-lesion location questions ("Where are the nodules?") only arise for the quarter of nodule
 * cases with two nodules, so they stay a small minority.
 */
final class QuestionWriter {
  private static final List<String> MODALITY_OPTIONS = List.of("CT", "MRI", "X-ray", "ultrasound");
  private static final List<String> OTHER_FINDINGS = List.of("fracture", "pneumothorax", "calcification");

  private final PhantomConfig config;

  QuestionWriter(PhantomConfig config) {
    this.config = config;
  }

  private record Draft(String category, String question, String answer, QuestionType type,
      List<String> options, String reasoning, List<String> paraphrases) {}

  List<VqaExample> write(PhantomSpec spec, String image, Split split, Random random) {
    Phrasebook book = new Phrasebook(config.paraphraseRate(), random);
    List<Draft> drafts = new ArrayList<>();
    PhantomKind kind = spec.kind();
    if (random.nextDouble() < 0.6) {
      drafts.add(random.nextDouble() < 0.25 ? modalityChoice(spec, book, random) : modality(spec, book));
    }
    if (random.nextDouble() < 0.4) {
      boolean p = book.paraphrase();
      drafts.add(new Draft("region", book.template(Phrasebook.REGION, p), kind.region(), QuestionType.OPEN,
          List.of(), Narrator.regionReason(kind), Phrasebook.regionParaphrases(kind.region())));
    }
    if (random.nextDouble() < 0.3) {
      boolean p = book.paraphrase();
      drafts.add(new Draft("plane", book.template(Phrasebook.PLANE, p), kind.plane(), QuestionType.OPEN,
          List.of(), Narrator.planeReason(kind), Phrasebook.planeParaphrases(kind.plane())));
    }
    for (int i = 0; i < 2; i++) {
      boolean wantYes = random.nextDouble() < config.yesRatio();
      Draft at = random.nextDouble() < 0.33 ? presenceAt(spec, wantYes, book, random) : null;
      // A normal phantom cannot answer a presence question with yes: ask about the modality instead.
      drafts.add(at != null ? at
          : wantYes && spec.normal() ? modalityClosed(spec, true, book, random)
          : presence(spec, wantYes, book, random));
    }
    if (random.nextDouble() < 0.15) {
      drafts.add(modalityClosed(spec, random.nextDouble() < config.yesRatio(), book, random));
    }
    if (random.nextDouble() < 0.3) {
      boolean p = book.paraphrase();
      String reasoning = spec.normal()
          ? "No finding is seen; the " + kind.region() + " looks normal."
          : "There is " + Narrator.describe(spec, spec.findings().get(0)) + ".";
      drafts.add(new Draft("abnormality", book.template(Phrasebook.ABNORMAL, p), yesNo(!spec.normal()),
          QuestionType.CLOSED, List.of(), reasoning, List.of()));
    }
    List<Finding> located = spec.findings().stream().filter(f -> f.side() != null || f.organ().equals("liver")).toList();
    if (!located.isEmpty() && random.nextDouble() < 0.7) {
      drafts.add(location(spec, located.get(random.nextInt(located.size())).type(), book));
    }
    List<Finding> sided = singles(spec).stream().filter(f -> f.side() != null && f.type().focal()).toList();
    if (!sided.isEmpty() && random.nextDouble() < 0.25) {
      Finding f = sided.get(random.nextInt(sided.size()));
      boolean wantYes = random.nextDouble() < config.yesRatio();
      Side asked = wantYes ? f.side() : f.side().other();
      boolean p = book.paraphrase();
      String q = String.format(book.template(Phrasebook.SIDE, p), book.findingTerm(f.type(), p), asked.word());
      drafts.add(new Draft("side", q, yesNo(asked == f.side()), QuestionType.CLOSED, List.of(),
          Narrator.capitalise(Narrator.describe(spec, f)) + ", the patient's " + f.side().word() + " side.",
          List.of()));
    }
    List<Finding> sized = singles(spec).stream().filter(f -> f.type().focal()).toList();
    if (!sized.isEmpty() && random.nextDouble() < 0.35) {
      Finding f = sized.get(random.nextInt(sized.size()));
      boolean p = book.paraphrase();
      String q = String.format(book.template(Phrasebook.SIZE, p), book.findingTerm(f.type(), p));
      drafts.add(new Draft("size", q, f.sizeClass(), QuestionType.OPEN, List.of(),
          "The " + f.type().term() + " measures about " + f.sizeText() + ", "
              + (f.sizeClass().equals("small") ? "under" : "over") + " 3 cm: " + f.sizeClass() + ".",
          Phrasebook.sizeParaphrases(f.sizeClass())));
    }
    if (kind.findings().contains(FindingType.NODULE) && random.nextDouble() < 0.35) {
      drafts.add(count(spec, book));
    }
    if (distinctTypes(spec) <= 1 && random.nextDouble() < 0.35) {
      drafts.add(whichFinding(spec, book, random));
    }
    List<VqaExample> out = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      out.add(new VqaExample(spec.id() + "-q" + i, image, d.question(), d.answer(), d.type(), d.options(),
          d.reasoning(), d.paraphrases(), kind.modality(), kind.region(), split, d.category()));
    }
    return out;
  }

  private Draft modality(PhantomSpec spec, Phrasebook book) {
    boolean p = book.paraphrase();
    String m = spec.kind().modality();
    return new Draft("modality", book.template(Phrasebook.MODALITY, p), m, QuestionType.OPEN, List.of(),
        Narrator.modalityReason(spec.kind()), Phrasebook.modalityParaphrases(m));
  }

  private Draft modalityChoice(PhantomSpec spec, Phrasebook book, Random random) {
    boolean p = book.paraphrase();
    String m = spec.kind().modality();
    return new Draft("modality", book.template(Phrasebook.MODALITY_MC, p), m, QuestionType.MULTIPLE_CHOICE,
        shuffled(MODALITY_OPTIONS, random), Narrator.modalityReason(spec.kind()), Phrasebook.modalityParaphrases(m));
  }

  /** "Is this a CT image?": the true modality for yes, another for no. */
  private Draft modalityClosed(PhantomSpec spec, boolean yes, Phrasebook book, Random random) {
    String m = spec.kind().modality();
    List<String> others = MODALITY_OPTIONS.stream().filter(o -> !o.equals(m)).toList();
    String asked = yes ? m : others.get(random.nextInt(others.size()));
    boolean p = book.paraphrase();
    String q = p
        ? String.format(book.template(Phrasebook.MODALITY_CLOSED, true), Phrasebook.modalityNoun(asked, random.nextBoolean()))
        : String.format(Phrasebook.MODALITY_CLOSED.get(0), Phrasebook.modalityNoun(asked, false));
    return new Draft("modality", q, yesNo(yes), QuestionType.CLOSED, List.of(),
        Narrator.modalityReason(spec.kind()), List.of());
  }

  /** "Is there a nodule?": a present type when yes is wanted (and possible), an absent one otherwise. */
  private Draft presence(PhantomSpec spec, boolean wantYes, Phrasebook book, Random random) {
    List<FindingType> present = spec.kind().findings().stream().filter(spec::has).toList();
    List<FindingType> absent = spec.kind().findings().stream().filter(t -> !spec.has(t)).toList();
    List<FindingType> pool = wantYes && !present.isEmpty() || absent.isEmpty() ? present : absent;
    FindingType type = pool.get(random.nextInt(pool.size()));
    boolean p = book.paraphrase();
    String q = String.format(book.template(Phrasebook.PRESENCE, p), book.findingWithArticle(type, p));
    boolean yes = spec.has(type);
    String reasoning = yes
        ? "There is " + Narrator.describe(spec, spec.findings(type).get(0)) + "."
        : Narrator.absent(spec, type);
    return new Draft("presence", q, yesNo(yes), QuestionType.CLOSED, List.of(), reasoning, List.of());
  }

  /**
   * Paired organs and the word for one of the pair: "left lung", "right kidney", "left hemisphere". Only
   * these have a left and a right to ask about: a liver mass lies on the patient's right, but "Is there a
   * mass in the right lung?" is then a question about another organ.
   */
  private static final Map<String, String> ONE_SIDE_OF = Map.of("lung", "lung", "kidney", "kidney", "brain", "hemisphere");

  /**
   * "Is there a nodule in the left lung?": yes at a present lesion's side; no at the other side of a
   * present lesion (when that side is free). Null when the phantom has no focal lesion in a paired organ.
   */
  private Draft presenceAt(PhantomSpec spec, boolean wantYes, Phrasebook book, Random random) {
    List<Finding> sided = spec.findings().stream()
        .filter(f -> f.side() != null && f.type().focal() && ONE_SIDE_OF.containsKey(f.organ())).toList();
    if (sided.isEmpty()) {
      return null;
    }
    Finding f = sided.get(random.nextInt(sided.size()));
    Side side = wantYes ? f.side() : f.side().other();
    String place = side.word() + " " + ONE_SIDE_OF.get(f.organ());
    boolean yes = spec.findings(f.type()).stream().anyMatch(g -> g.side() == side);
    boolean p = book.paraphrase();
    String template = book.template(Phrasebook.PRESENCE_AT, p);
    String what = book.findingWithArticle(f.type(), p);
    String q = template.startsWith("Does the")
        ? String.format(template, place, what)
        : String.format(template, what, place);
    String reasoning = yes
        ? "There is " + Narrator.describe(spec, spec.findings(f.type()).stream().filter(g -> g.side() == side)
            .findFirst().orElseThrow()) + "."
        : "The " + f.type().term() + " is in the " + f.location() + "; the " + place + " has none.";
    return new Draft("presence", q, yesNo(yes), QuestionType.CLOSED, List.of(), reasoning, List.of());
  }

  private Draft location(PhantomSpec spec, FindingType type, Phrasebook book) {
    List<Finding> all = spec.findings(type);
    boolean p = book.paraphrase();
    if (all.size() == 1) {
      Finding f = all.get(0);
      String q = String.format(book.template(Phrasebook.LOCATION, p), book.findingTerm(type, p));
      return new Draft("location", q, f.location(), QuestionType.OPEN, List.of(),
          "There is " + Narrator.describe(spec, f) + ".", Phrasebook.locationParaphrases(f.location()));
    }
    boolean sameSide = all.stream().allMatch(f -> f.side() == all.get(0).side());
    String answer = sameSide ? all.get(0).side().word() + " lung" : "both lungs";
    String q = String.format(book.template(Phrasebook.LOCATION_PLURAL, p), type.plural());
    String reasoning = "There are " + all.size() + " " + type.plural() + ": "
        + String.join(" and ", all.stream().map(f -> Narrator.describe(spec, f)).toList()) + ".";
    return new Draft("location", q, answer, QuestionType.OPEN, List.of(), reasoning,
        Phrasebook.locationParaphrases(answer));
  }

  private Draft count(PhantomSpec spec, Phrasebook book) {
    List<Finding> nodules = spec.findings(FindingType.NODULE);
    boolean p = book.paraphrase();
    String reasoning = switch (nodules.size()) {
      case 0 -> Narrator.absent(spec, FindingType.NODULE);
      case 1 -> "There is one nodule: " + Narrator.describe(spec, nodules.get(0)) + ".";
      default -> "There are " + nodules.size() + " nodules: "
          + String.join(" and ", nodules.stream().map(f -> Narrator.describe(spec, f)).toList()) + ".";
    };
    return new Draft("count", book.template(Phrasebook.COUNT, p), Integer.toString(nodules.size()),
        QuestionType.OPEN, List.of(), reasoning, Phrasebook.countParaphrases(nodules.size()));
  }

  /** Four options: the kind's findings, {@code normal}, padded with findings phantoms never hold. */
  private Draft whichFinding(PhantomSpec spec, Phrasebook book, Random random) {
    List<String> options = new ArrayList<>();
    options.add(Phrasebook.NORMAL);
    spec.kind().findings().forEach(t -> options.add(t.term()));
    List<String> pad = shuffled(OTHER_FINDINGS, random);
    for (int i = 0; options.size() < 4; i++) {
      options.add(pad.get(i));
    }
    List<String> chosen = new ArrayList<>(options);
    String answer = spec.normal() ? Phrasebook.NORMAL : spec.findings().get(0).type().term();
    // Keep the answer and three others, so that every option list has four entries.
    chosen.remove(answer);
    List<String> four = new ArrayList<>(shuffled(chosen, random).subList(0, 3));
    four.add(answer);
    List<String> finalOptions = shuffled(four, random);
    boolean p = book.paraphrase();
    String reasoning = spec.normal()
        ? "No finding is seen; the " + spec.kind().region() + " looks normal."
        : "There is " + Narrator.describe(spec, spec.findings().get(0)) + ".";
    List<String> paraphrases = spec.normal()
        ? List.of("no abnormality", "no finding", "unremarkable")
        : spec.findings().get(0).type().synonyms();
    return new Draft("finding", book.template(Phrasebook.WHICH_FINDING, p), answer,
        QuestionType.MULTIPLE_CHOICE, finalOptions, reasoning, paraphrases);
  }

  /** Findings whose type occurs once (single-lesion questions stay unambiguous). */
  private static List<Finding> singles(PhantomSpec spec) {
    return spec.findings().stream().filter(f -> spec.findings(f.type()).size() == 1).toList();
  }

  private static long distinctTypes(PhantomSpec spec) {
    return spec.findings().stream().map(Finding::type).distinct().count();
  }

  private static String yesNo(boolean yes) {
    return yes ? "yes" : "no";
  }

  private static List<String> shuffled(List<String> items, Random random) {
    List<String> copy = new ArrayList<>(items);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, t);
    }
    return copy;
  }
}
