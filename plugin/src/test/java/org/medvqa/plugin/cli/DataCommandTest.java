package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
  @TempDir Path dir;

  @Test
  void phantomThenCheckIsClean() throws Exception {
    Path out = dir.resolve("pv");
    CliRun gen = CliRun.of("data", "phantom", "--out", out.toString(), "--n", "20", "--seed", "3", "--image-size", "32",
        "--yes-ratio", "0.6", "--prevalence", "nodule=0.9", "--format", "dicom", "--json");
    assertThat(gen.code()).as(gen.err()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(gen.out());
    assertThat(json.at("/phantoms/train").asInt()).isEqualTo(16);
    assertThat(json.get("content_sha256").asText()).hasSize(64);
    assertThat(gen.err()).contains("20/20 phantoms");
    JsonNode meta = new ObjectMapper().readTree(out.resolve("dataset.json").toFile());
    assertThat(meta.at("/knobs/image_size").asInt()).isEqualTo(32);
    assertThat(meta.at("/knobs/prevalence/nodule").asDouble()).isEqualTo(0.9);

    CliRun check = CliRun.of("data", "check", out.toString(), "--json", "--decode");
    assertThat(check.code()).isEqualTo(0);
    assertThat(new ObjectMapper().readTree(check.out()).get("clean").asBoolean()).isTrue();
    assertThat(new ObjectMapper().readTree(check.out()).get("unreadable_images").asInt()).isZero();
  }

  @Test
  void checkExitsThreeWithASummaryWhenItFindsProblems() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/a.png"), new byte[] {1});
    Files.writeString(dir.resolve("train.jsonl"),
        "{\"id\":\"1\",\"image\":\"images/a.png\",\"question\":\"Q?\",\"answer\":\"yes\",\"question_type\":\"closed\"}\n"
            + "{\"id\":\"2\",\"image\":\"images/b.png\",\"question\":\"Q?\",\"answer\":\"no\",\"question_type\":\"closed\"}\n"
            + "{broken\n");
    CliRun text = CliRun.of("data", "check", dir.toString());
    assertThat(text.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(text.err()).contains("1 malformed rows", "1 missing images").doesNotContain("Exception");
    assertThat(text.out()).contains("train.jsonl:3: malformed", "no image file images/b.png");
    CliRun json = CliRun.of("data", "check", dir.toString(), "--json");
    assertThat(json.code()).isEqualTo(ExitCodes.BAD_INPUT);
    JsonNode report = new ObjectMapper().readTree(json.out());
    assertThat(report.get("missing_images").asInt()).isEqualTo(1);
    assertThat(report.get("malformed_rows").asInt()).isEqualTo(1);
  }

  @Test
  void badInputsAreExitThreeWithOneLine() {
    CliRun knob = CliRun.of("data", "phantom", "--out", dir.resolve("x").toString(), "--yes-ratio", "1.5");
    assertThat(knob.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(knob.err().strip()).isEqualTo("medvqa: yes-ratio must be within 0..1, got 1.5");
    CliRun finding = CliRun.of("data", "phantom", "--out", dir.resolve("x").toString(), "--prevalence", "tumour=0.2");
    assertThat(finding.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(finding.err()).contains("unknown finding 'tumour'");
    CliRun format = CliRun.of("data", "phantom", "--out", dir.resolve("x").toString(), "--format", "tiff");
    assertThat(format.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(format.err()).contains("--format must be dicom or png");
    CliRun noLayout = CliRun.of("data", "check", dir.toString());
    assertThat(noLayout.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(noLayout.err()).contains("no known dataset layout").doesNotContain("\tat ");
    assertThat(CliRun.of("data").code()).isEqualTo(ExitCodes.USAGE);
  }
}
