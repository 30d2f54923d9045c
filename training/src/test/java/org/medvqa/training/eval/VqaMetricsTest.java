package org.medvqa.training.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medvqa.training.data.QuestionType;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaExample;

class VqaMetricsTest {
  private static int ids;

  static VqaExample closed(String answer, String modality) {
    return new VqaExample("q" + ids++, "img.png", "Is there a mass?", answer, QuestionType.CLOSED, List.of(), "", List.of(),
        modality, "chest", Split.TEST, "presence");
  }

  static VqaExample open(String answer) {
    return new VqaExample("q" + ids++, "img.png", "Where is the mass?", answer, QuestionType.OPEN, List.of(), "",
        List.of("RUL"), "CT", "chest", Split.TEST, "location");
  }

  static ScoredAnswer scored(VqaExample e, String answer, boolean correct, boolean exact, double semantic, int tokens) {
    return new ScoredAnswer(e, "<answer>" + answer + "</answer>", answer, correct, exact, semantic, tokens);
  }

  @Test
  void computesBiasMetricsAndAccuraciesAsDefined() {
    List<ScoredAnswer> a = new ArrayList<>();
    // closed: references yes, yes, yes, no; predictions yes, yes, no, yes -> TP 2, FN 1, TN 0, FP 1
    a.add(scored(closed("yes", "CT"), "yes", true, false, Double.NaN, 10));
    a.add(scored(closed("yes", "CT"), "yes", true, false, Double.NaN, 10));
    a.add(scored(closed("yes", "MRI"), "no", false, false, Double.NaN, 20));
    a.add(scored(closed("no", "MRI"), "yes", false, false, Double.NaN, 20));
    // open: one exact, one semantic only (0.8), one wrong (0.2)
    a.add(scored(open("right upper lobe"), "RUL", true, true, 1.0, 30));
    a.add(scored(open("right upper lobe"), "upper lobe of right lung", true, false, 0.8, 30));
    a.add(scored(open("right upper lobe"), "left kidney", false, false, 0.2, 40));
    ObjectNode m = VqaMetrics.compute(a, true);
    assertThat(m.path("closed_accuracy").asDouble()).isEqualTo(0.5);
    assertThat(m.path("yes_rate").asDouble()).isEqualTo(0.75);
    assertThat(m.path("true_yes_rate").asDouble()).isEqualTo(0.75);
    assertThat(m.path("balanced_accuracy").asDouble()).isEqualTo((2 / 3.0 + 0) / 2, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(m.path("open_exact").asDouble()).isEqualTo(0.3333);
    assertThat(m.path("open_semantic").asDouble()).isEqualTo(0.6667);
    assertThat(m.path("mc_accuracy").isNull()).isTrue();
    assertThat(m.path("mean_length_correct").asDouble()).isEqualTo((10 + 10 + 30 + 30) / 4.0);
    assertThat(m.path("mean_length_incorrect").asDouble()).isEqualTo((20 + 20 + 40) / 3.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(VqaMetrics.compute(a, false).path("open_semantic").isNull()).isTrue();
    ObjectNode byModality = VqaMetrics.breakdown(a, s -> s.example().modality());
    assertThat(byModality.path("MRI").path("accuracy").asDouble()).isEqualTo(0.0);
    assertThat(byModality.path("CT").path("questions").asInt()).isEqualTo(5);
  }
}
