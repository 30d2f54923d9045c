package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terms and score commands end to end, on the real default index (built once under target/). */
class TermsAndScoreCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void cacheUnderTarget() {
    System.setProperty("medvqa.terminology.cache", Path.of("target", "terminology-cache").toAbsolutePath().toString());
  }

  @Test
  void lookupJsonListsConceptsWithSideNegationAndSpan() throws Exception {
    CliRun r = CliRun.of("terms", "lookup", "--json", "no", "left", "PTX");
    assertThat(r.code()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("text").asText()).isEqualTo("no left PTX");
    JsonNode ptx = doc.get("concepts").get(1);
    assertThat(ptx.toString()).isEqualTo(
        "{\"scheme\":\"SCT\",\"code\":\"36118008\",\"name\":\"Pneumothorax\",\"kind\":\"finding\",\"negated\":true,"
            + "\"laterality\":\"left\",\"span\":[8,11],\"text\":\"PTX\",\"corrected\":false}");
  }

  @Test
  void lookupPlainText() {
    CliRun r = CliRun.of("terms", "lookup", "enlarged heart");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("SCT:287272002", "finding", "Cardiomegaly");
  }

  @Test
  void buildFromCsvAloneThenLookUpInThatIndex(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("local.csv");
    Files.writeString(csv, "code,name,kind,synonyms\nX1,Zebra sign,finding,zebra pattern|striped spleen\n");
    Path index = dir.resolve("index");
    CliRun build = CliRun.of("terms", "build", "--no-defaults", "--source", "csv=" + csv, "--index", index.toString(), "--json");
    assertThat(build.code()).as(build.err()).isZero();
    assertThat(JSON.readTree(build.out()).get("concepts").asInt()).isEqualTo(1);
    CliRun lookup = CliRun.of("terms", "lookup", "--json", "--index", index.toString(), "a striped spleen");
    assertThat(lookup.code()).isZero();
    assertThat(JSON.readTree(lookup.out()).get("concepts").get(0).get("code").asText()).isEqualTo("X1");
  }

  @Test
  void badSourceIsBadInputWithOneLine(@TempDir Path dir) {
    CliRun r = CliRun.of("terms", "build", "--source", "mystery=" + dir, "--index", dir.resolve("i").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err().strip()).startsWith("medvqa: unknown source format 'mystery'").doesNotContain("\n").doesNotContain("Exception");
    CliRun missing = CliRun.of("terms", "lookup", "--index", dir.resolve("nothing").toString(), "lung");
    assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void scoreJsonHasSemanticAndConcepts() throws Exception {
    CliRun r = CliRun.of("score", "--json", "--answer", "RLL pneumonia", "--reference", "pneumonia in the right lower lobe");
    assertThat(r.code()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("semantic").asDouble()).isEqualTo(1.0);
    assertThat(doc.get("answer_concepts")).hasSize(3);
    assertThat(doc.get("reference_concepts")).hasSize(3);
  }

  @Test
  void scorePlainExplains() {
    CliRun r = CliRun.of("score", "--answer", "left effusion", "--reference", "right effusion");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("semantic 0.0000").contains("contradiction (laterality)");
  }

  @Test
  void scoreInputGivesOneObjectPerLineInOrderAndKeepsGoing(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("pairs.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"answer\":\"CT\",\"reference\":\"computed tomography\"}",
        "this is not json",
        "{\"answer\":\"yes\",\"reference\":\"no\",\"question\":\"Is there a fracture?\"}",
        "{\"answer\":\"x\"}",
        "{\"answer\":\"brain bleed\",\"reference\":\"intracranial haemorrhage\"}") + "\n", StandardCharsets.UTF_8);
    CliRun r = CliRun.of("score", "--input", in.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    List<JsonNode> lines = r.out().lines().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    }).toList();
    assertThat(lines).hasSize(5);
    assertThat(lines).extracting(l -> l.get("line").asInt()).containsExactly(1, 2, 3, 4, 5);
    assertThat(lines.get(0).get("semantic").asDouble()).isEqualTo(1.0);
    assertThat(lines.get(1).get("error").asText()).startsWith("not JSON");
    assertThat(lines.get(2).get("semantic").asDouble()).isZero();
    assertThat(lines.get(3).get("error").asText()).isEqualTo("missing \"reference\"");
    assertThat(lines.get(4).get("semantic").asDouble()).isEqualTo(1.0);
    assertThat(r.err()).contains("2 of 5 lines were bad input");
  }

  @Test
  void scoreNeedsAnswerAndReferenceOrInput() {
    assertThat(CliRun.of("score", "--answer", "x").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("score").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("score", "--input", "/no/such/file.jsonl").code()).isEqualTo(ExitCodes.BAD_INPUT);
  }
}
