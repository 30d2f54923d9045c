package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.training.phantom.ImageFormat;
import org.medvqa.training.phantom.PhantomConfig;
import org.medvqa.training.phantom.PhantomVqaGenerator;

/** {@code train sft}, {@code eval} and {@code ask} end to end on a small real PhantomVQA set, and their bad inputs. */
class ModelCommandsTest {
  @TempDir static Path tmp;
  static Path data;
  static Path run;

  @BeforeAll
  static void trainATinyModel() throws Exception {
    data = tmp.resolve("phantom");
    PhantomConfig c = PhantomConfig.defaults();
    new PhantomVqaGenerator(new PhantomConfig(12, 3, 32, 0.5, 0.3, null, 0.2, 0.2), ImageFormat.PNG)
        .generate(data, PhantomVqaGenerator.Progress.NONE);
    Path config = tmp.resolve("sft.json");
    Files.writeString(config, "{\"model\": \"tiny\", \"vocab_size\": 400, \"batch_size\": 8, \"max_steps\": 4, \"warmup_steps\": 2}");
    run = tmp.resolve("run");
    CliRun o = CliRun.of("train", "sft", "--data", data.toString(), "--out", run.toString(), "--config", config.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("model written to");
  }

  @Test
  void trainWritesAModelDirectoryMetricsAndALossPlot() {
    assertThat(run.resolve("model/config.json")).isRegularFile();
    assertThat(run.resolve("model/MODEL_CARD.md")).isRegularFile();
    assertThat(run.resolve("metrics.jsonl")).isRegularFile();
    assertThat(run.resolve("loss.png")).isRegularFile();
    assertThat(run.resolve("checkpoint/trainer_state.json")).isRegularFile();
  }

  @Test
  void evalPrintsTheMetricsOfTheContractAsJson() throws Exception {
    CliRun o = CliRun.of("eval", "--model", run.resolve("model").toString(), "--data", data.toString(), "--split", "test",
        "--limit", "6", "--max-new-tokens", "8", "--json", "--report", tmp.resolve("report").toString());
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode m = new ObjectMapper().readTree(o.out());
    for (String key : List.of("closed_accuracy", "open_exact", "open_semantic", "mc_accuracy", "yes_rate", "true_yes_rate",
        "balanced_accuracy", "blank_baseline", "mean_length_correct", "mean_length_incorrect")) {
      assertThat(m.has(key)).as(key).isTrue();
    }
    assertThat(m.path("questions").asInt()).isEqualTo(6);
    assertThat(tmp.resolve("report/report.md")).isRegularFile();
  }

  @Test
  void askAnswersAboutAnImageAsJson() throws Exception {
    Path image;
    try (var files = Files.list(data.resolve("images"))) {
      image = files.filter(p -> p.toString().endsWith(".png")).findFirst().orElseThrow();
    }
    CliRun o = CliRun.of("ask", "--model", run.resolve("model").toString(), "--image", image.toString(),
        "--question", "Is there a mass?", "--max-new-tokens", "8", "--json");
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode n = new ObjectMapper().readTree(o.out());
    assertThat(n.has("answer")).isTrue();
    assertThat(n.path("tokens").asInt()).isBetween(1, 8);
  }

  @Test
  void askAnswersAboutADicomFileAndASeriesFolder() throws Exception {
    Path dicomData = tmp.resolve("phantom-dicom");
    new PhantomVqaGenerator(new PhantomConfig(2, 5, 32, 0.5, 0.3, null, 0.2, 0.2), ImageFormat.DICOM)
        .generate(dicomData, PhantomVqaGenerator.Progress.NONE);
    Path file;
    try (var files = Files.walk(dicomData.resolve("images"))) {
      file = files.filter(p -> p.toString().endsWith(".dcm")).findFirst().orElseThrow();
    }
    for (Path source : List.of(file, file.getParent())) {
      CliRun o = CliRun.of("ask", "--model", run.resolve("model").toString(), "--dicom", source.toString(),
          "--question", "Is there a mass?", "--max-new-tokens", "8", "--json");
      assertThat(o.code()).as(source + ": " + o.err()).isZero();
      assertThat(new ObjectMapper().readTree(o.out()).path("tokens").asInt()).isBetween(1, 8);
    }

    Path truncated = tmp.resolve("truncated.dcm");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    CliRun broken = CliRun.of("ask", "--model", run.resolve("model").toString(), "--dicom", truncated.toString(),
        "--question", "Is there a mass?");
    assertThat(broken.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(broken.err().strip().lines()).hasSize(1);
    Path emptyDir = Files.createDirectories(tmp.resolve("empty-dir"));
    CliRun empty = CliRun.of("ask", "--model", run.resolve("model").toString(), "--dicom", emptyDir.toString(),
        "--question", "Is there a mass?");
    assertThat(empty.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(empty.err()).contains("no DICOM image series");
  }

  @Test
  void badInputsExitThreeWithOneLine() throws Exception {
    CliRun missingModel = CliRun.of("eval", "--model", tmp.resolve("nope").toString(), "--data", data.toString());
    assertThat(missingModel.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missingModel.err().strip().lines()).hasSize(1);
    assertThat(missingModel.err()).contains("does not exist");

    Path corrupt = tmp.resolve("corrupt");
    Files.createDirectories(corrupt);
    Files.writeString(corrupt.resolve("config.json"), "{}");
    CliRun corruptModel = CliRun.of("ask", "--model", corrupt.toString(), "--image", tmp.resolve("x.png").toString(), "--question", "q");
    assertThat(corruptModel.code()).isEqualTo(ExitCodes.BAD_INPUT);

    CliRun missingImage = CliRun.of("ask", "--model", run.resolve("model").toString(), "--image",
        tmp.resolve("none.png").toString(), "--question", "Is there a mass?");
    assertThat(missingImage.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missingImage.err()).contains("no such image");

    Path badConfig = tmp.resolve("bad.json");
    Files.writeString(badConfig, "{\"batch_size\": 0}");
    CliRun bad = CliRun.of("train", "sft", "--data", data.toString(), "--out", tmp.resolve("x").toString(), "--config", badConfig.toString());
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
    Files.writeString(badConfig, "{\"no_such_key\": 1}");
    assertThat(CliRun.of("train", "sft", "--data", data.toString(), "--out", tmp.resolve("x").toString(), "--config",
        badConfig.toString()).code()).isEqualTo(ExitCodes.BAD_INPUT);

    CliRun noData = CliRun.of("train", "sft", "--data", tmp.resolve("nodata").toString(), "--out", tmp.resolve("y").toString());
    assertThat(noData.code()).isEqualTo(ExitCodes.BAD_INPUT);
    CliRun resumeNothing = CliRun.of("train", "sft", "--data", data.toString(), "--out", tmp.resolve("z").toString(), "--resume");
    assertThat(resumeNothing.code()).isEqualTo(ExitCodes.BAD_INPUT);
  }
}
