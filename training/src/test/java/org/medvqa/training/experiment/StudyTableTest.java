package org.medvqa.training.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyTableTest {

  @Test
  void markdownAndJsonCarryEveryRowWithTheEvalKeys() throws Exception {
    var sft = new StudyRow("sft", "SFT", Map.of("closed_accuracy", 0.8, "open_semantic", 0.61,
        "blank_baseline", Map.of("closed_accuracy", 0.5)), 300, 1200);
    var grpo = new StudyRow("grpo_from_sft", "GRPO from SFT", Map.of("closed_accuracy", 0.85), 90, 40);
    var control = new StudyRow("sft_matched", "SFT, +90 s", Map.of("closed_accuracy", 0.82), 90, 350);
    var table = new StudyTable(List.of(sft, grpo), List.of(control));

    String md = table.toMarkdown();
    assertThat(md.lines().toList()).hasSize(5);
    assertThat(md).contains("| sft | 0.800 | n/a | 0.610 |", "| 52.00 |", "| grpo_from_sft | 0.850 |", "58.04",
        "| sft_matched | 0.820 |");

    var json = new ObjectMapper().readTree(table.toJson());
    assertThat(json.get("rows")).hasSize(2);
    assertThat(json.get("rows").get(0).get("name").asText()).isEqualTo("sft");
    assertThat(json.get("rows").get(0).get("blank_baseline").get("closed_accuracy").asDouble()).isEqualTo(0.5);
    assertThat(json.get("rows").get(1).get("steps").asInt()).isEqualTo(40);
    assertThat(json.get("controls").get(0).get("name").asText()).isEqualTo("sft_matched");
  }
}
