package org.medvqa.training.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.training.phantom.ImageFormat;
import org.medvqa.training.phantom.PhantomConfig;
import org.medvqa.training.phantom.PhantomVqaGenerator;
import org.medvqa.training.rewards.TerminologySemanticScorer;

/** The whole study on a small PhantomVQA set with the tiny model and seconds per phase. */
class PaperStudyTest {

  @Test
  void runsEveryRowAndWritesTheTableJsonAndCurves(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("pv");
    new PhantomVqaGenerator(PhantomConfig.defaults().withN(12).withSeed(5).withImageSize(32), ImageFormat.PNG)
        .generate(data, PhantomVqaGenerator.Progress.NONE);
    StudyBudget seconds = new StudyBudget("test", "tiny", 0.01, 0.03, 0.01, 10, 2);
    StudyTable table = new PaperStudy(data, dir.resolve("study"), seconds, TerminologySemanticScorer.shared(), null).run();

    assertThat(table.rows()).extracting(StudyRow::name).containsExactly(
        "sft", "grpo_from_base", "grpo_from_sft", "grpo_semantic", "grpo_ecr", "grpo_cwr", "dr_grpo", "dapo");
    assertThat(table.controls()).extracting(StudyRow::name).containsExactly("sft_matched");
    for (StudyRow row : table.rows()) {
      assertThat(row.metrics()).as(row.name()).containsKeys("closed_accuracy", "open_exact", "open_semantic",
          "mc_accuracy", "yes_rate", "true_yes_rate", "balanced_accuracy", "blank_baseline", "mean_length");
      assertThat(row.steps()).as(row.name()).isPositive();
    }
    JsonNode json = new ObjectMapper().readTree(dir.resolve("study/study.json").toFile());
    assertThat(json.get("rows")).hasSize(8);
    assertThat(json.get("rows").get(7).get("name").asText()).isEqualTo("dapo");
    assertThat(dir.resolve("study/study.md")).content().contains("| grpo_semantic |", "sft_matched");
    for (String png : List.of("reward.png", "length.png", "zero_std.png")) {
      assertThat(dir.resolve("study/curves").resolve(png)).isNotEmptyFile();
    }
    // the variants really ran with their own settings
    assertThat(dir.resolve("study/dr_grpo/config.json")).content().contains("\"loss_type\" : \"dr_grpo\"",
        "\"scale_rewards\" : \"none\"");
    assertThat(dir.resolve("study/dapo/config.json")).content().contains("\"dynamic_sampling\" : true",
        "\"epsilon_high\" : 0.28", "\"overlong\"");
  }
}
