package org.medvqa.training.phantom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medvqa.training.data.QuestionType;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaExample;

/** The answers must be true of the phantom they are about. */
class QuestionWriterTest {

  private static List<VqaExample> questions(PhantomConfig config, int n, List<PhantomSpec> specs) {
    PhantomVqaGenerator generator = new PhantomVqaGenerator(config, ImageFormat.PNG);
    QuestionWriter writer = new QuestionWriter(config);
    List<VqaExample> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PhantomSpec spec = generator.phantom(i);
      specs.add(spec);
      all.addAll(writer.write(spec, "images/" + spec.id() + ".dcm", Split.TRAIN,
          Seeds.stream(config.seed(), i, Seeds.QUESTIONS)));
    }
    return all;
  }

  @Test
  void answersAgreeWithThePhantom() {
    PhantomConfig config = PhantomConfig.defaults().withParaphraseRate(0);
    List<PhantomSpec> specs = new ArrayList<>();
    List<VqaExample> all = questions(config, 300, specs);
    Set<String> categories = new HashSet<>();
    for (VqaExample q : all) {
      PhantomSpec spec = specs.get(Integer.parseInt(q.id().substring(3, 9)));
      categories.add(q.category());
      assertThat(q.modality()).isEqualTo(spec.kind().modality());
      assertThat(q.organ()).isEqualTo(spec.kind().region());
      assertThat(q.reasoning()).isNotBlank();
      switch (q.category()) {
        case "modality" -> {
          if (q.type() != QuestionType.CLOSED) {
            assertThat(q.answer()).isEqualTo(spec.kind().modality());
          }
        }
        case "region" -> assertThat(q.answer()).isEqualTo(spec.kind().region());
        case "plane" -> assertThat(q.answer()).isEqualTo(spec.kind().plane());
        case "presence" -> {
          if (q.question().endsWith("in this image?")) {
            FindingType asked = askedType(q.question());
            assertThat(q.answer()).as(q.question()).isEqualTo(spec.has(asked) ? "yes" : "no");
          } else if (SIDED_PLACE.matcher(q.question()).find()) {
            assertSidedPresence(q, spec);
          }
        }
        case "abnormality" -> assertThat(q.answer()).isEqualTo(spec.normal() ? "no" : "yes");
        case "location" -> {
          Set<String> places = new HashSet<>();
          spec.findings().forEach(f -> places.add(f.location()));
          spec.findings().forEach(f -> places.add(f.side() == null ? "" : f.side().word() + " lung"));
          places.add("both lungs");
          assertThat(places).as(q.question()).contains(q.answer());
        }
        case "count" -> assertThat(q.answer())
            .isEqualTo(Integer.toString(spec.findings(FindingType.NODULE).size()));
        case "size" -> assertThat(q.answer()).isIn("small", "large");
        case "finding" -> {
          assertThat(q.options()).hasSize(4).doesNotHaveDuplicates().contains(q.answer());
          assertThat(q.answer()).isEqualTo(spec.normal() ? "normal" : spec.findings().get(0).type().term());
        }
        case "side" -> assertThat(q.answer()).isIn("yes", "no");
        default -> throw new AssertionError("unknown category " + q.category());
      }
      if (q.type() == QuestionType.CLOSED) {
        assertThat(q.answer()).isIn("yes", "no");
      }
    }
    assertThat(categories).containsExactlyInAnyOrder("modality", "region", "plane", "presence", "abnormality",
        "location", "count", "size", "finding", "side");
    assertThat(all.size()).isBetween(300 * 4, 300 * 7);
  }

  private static final Pattern SIDED_PLACE = Pattern.compile("(left|right) (lung|kidney|hemisphere)");

  /** "Is there a mass in the right lung?" asks about that organ on that side, and only about an organ the image has. */
  private static void assertSidedPresence(VqaExample q, PhantomSpec spec) {
    Matcher place = SIDED_PLACE.matcher(q.question());
    assertThat(place.find()).isTrue();
    String organ = place.group(2).equals("hemisphere") ? "brain" : place.group(2);
    assertThat(spec.findings()).as(q.question()).anyMatch(f -> f.organ().equals(organ));
    FindingType type = Arrays.stream(FindingType.values())
        .filter(t -> t.focal() && q.question().contains(t.term())).findFirst().orElseThrow();
    boolean present = spec.findings(type).stream()
        .anyMatch(f -> f.organ().equals(organ) && f.side().word().equals(place.group(1)));
    assertThat(q.answer()).as(q.question()).isEqualTo(present ? "yes" : "no");
  }

  private static FindingType askedType(String question) {
    for (FindingType t : FindingType.values()) {
      if (question.equals("Is there " + t.withArticle() + " in this image?")) {
        return t;
      }
    }
    throw new AssertionError("not a canonical presence question: " + question);
  }

  @Test
  void theYesRatioKnobMovesTheShareOfYes() {
    double low = yesRate(PhantomConfig.defaults().withYesRatio(0.2));
    double high = yesRate(PhantomConfig.defaults().withYesRatio(0.8));
    assertThat(low).isLessThan(0.35);
    assertThat(high).isGreaterThan(0.65);
  }

  private static double yesRate(PhantomConfig config) {
    List<VqaExample> closed = questions(config, 300, new ArrayList<>()).stream()
        .filter(q -> q.type() == QuestionType.CLOSED).toList();
    return closed.stream().filter(q -> q.answer().equals("yes")).count() / (double) closed.size();
  }

  @Test
  void theParaphraseRateKnobMovesThePhrasings() {
    long canonicalAtZero = distinctModalityQuestions(PhantomConfig.defaults().withParaphraseRate(0));
    long atOne = distinctModalityQuestions(PhantomConfig.defaults().withParaphraseRate(1));
    assertThat(canonicalAtZero).isEqualTo(2); // one open and one multiple-choice phrasing
    assertThat(atOne).isGreaterThanOrEqualTo(5);
    List<VqaExample> lay = questions(PhantomConfig.defaults().withParaphraseRate(1), 200, new ArrayList<>());
    assertThat(lay).anyMatch(q -> q.question().contains("spot on the lung") || q.question().contains("water on"));
  }

  private static long distinctModalityQuestions(PhantomConfig config) {
    return questions(config, 200, new ArrayList<>()).stream()
        .filter(q -> q.category().equals("modality") && q.type() != QuestionType.CLOSED)
        .map(VqaExample::question).distinct().count();
  }

  @Test
  void twoLesionLocationQuestionsStayAMinority() {
    List<VqaExample> all = questions(PhantomConfig.defaults(), 600, new ArrayList<>());
    long twoLesion = all.stream().filter(q -> q.category().equals("location") && q.question().contains("nodules"))
        .count();
    long location = all.stream().filter(q -> q.category().equals("location")).count();
    assertThat(twoLesion).isPositive();
    assertThat((double) twoLesion / location).isLessThan(0.15);
  }
}
