package org.medvqa.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.Dicom;
import org.medvqa.training.model.VqaModel;

/**
 * A disk that fills up (a real, small tmpfs, filled to the last block) while training writes a
 * checkpoint, and while the server stores an SR into its study folder: a clear error naming the cause,
 * the previous checkpoint byte for byte as it was and loadable, nothing half-written left behind, and
 * the work continues once there is space again.
 */
class FullDiskTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aCheckpointThatDoesNotFitLeavesThePreviousOneIntact() throws Exception {
    Path data = TrainingFixtures.phantom(dir.resolve("phantom"), 8);
    Path config = dir.resolve("sft.json");
    Files.writeString(config, """
        {"model": "tiny", "vocab_size": 300, "batch_size": 4, "questions_per_image": 2, "max_steps": 2,
         "checkpoint_every": 1, "log_every": 1, "warmup_steps": 1}""");
    try (SmallTmpfs disk = SmallTmpfs.mount(dir.resolve("disk"), "32m")) {
      Path run = disk.dir.resolve("run");
      String[] train = {"train", "sft", "--data", data.toString(), "--out", run.toString(), "--config", config.toString()};
      ChildCli.Result first = ChildCli.run(dir.resolve("logs/first"), 600, train);
      assertThat(first.exitCode()).as(first.stderr()).isZero();
      Map<String, String> before = HostileInputTest.snapshot(run.resolve("checkpoint"));
      long filled = disk.fill(disk.dir.resolve("filler"));

      ChildCli.Result full = ChildCli.run(dir.resolve("logs/full"), 600, resume(train, 4));
      String firstLine = full.stderr().lines().filter(l -> l.startsWith("medvqa:")).findFirst().orElse("");
      System.out.printf("full disk (%d MiB filler): exit %d, %s%n", filled >> 20, full.exitCode(), firstLine);
      assertThat(full.exitCode()).as(full.stderr()).isNotZero();
      assertThat(firstLine).contains("No space left on device");
      assertThat(HostileInputTest.snapshot(run.resolve("checkpoint"))).as("the previous checkpoint").isEqualTo(before);
      assertThat(JSON.readTree(run.resolve("checkpoint/trainer_state.json").toFile()).path("step").asInt()).isEqualTo(2);
      try (VqaModel m = VqaModel.load(run.resolve("checkpoint/model"))) { // checksums verified
        assertThat(m.parameterCount()).isPositive();
      }
      try (var left = Files.list(run)) {
        assertThat(left.map(p -> p.getFileName().toString())).as("half-written checkpoints left behind")
            .noneMatch(n -> n.startsWith(".checkpoint.tmp-"));
      }

      Files.delete(disk.dir.resolve("filler"));
      ChildCli.Result resumed = ChildCli.run(dir.resolve("logs/resumed"), 600, resume(train, 4));
      assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
      assertThat(JSON.readTree(run.resolve("checkpoint/trainer_state.json").toFile()).path("step").asInt()).isEqualTo(4);
      try (VqaModel m = VqaModel.load(run.resolve("model"))) {
        assertThat(m.parameterCount()).isPositive();
      }
    }
  }

  @Test
  void anSrThatDoesNotFitIsAClearErrorAndLeavesNoHalfFile() throws Exception {
    Path ct = Corpora.pydicom("CT_small.dcm");
    String study = Dicom.reader().readInfo(ct).studyInstanceUid();
    Path model = TrainingFixtures.tinyModel(dir.resolve("model"), 12);
    try (SmallTmpfs disk = SmallTmpfs.mount(dir.resolve("studies"), "1m")) {
      Files.copy(ct, disk.dir.resolve("ct.dcm"));
      disk.fill(disk.dir.resolve("filler"));
      Map<String, String> before = HostileInputTest.snapshot(disk.dir);
      try (ServedMedVqa server = ServedMedVqa.start(dir.resolve("server"), model, new ServedMedVqa.Options()
          .set("studySource", Map.of("type", "folder", "folder", disk.dir.toString())))) {
        RawHttp.Response full = ask(server, study, true);
        System.out.printf("full disk, SR: %s%n", full);
        assertThat(full.status()).as(full.toString()).isEqualTo(502);
        assertThat(full.isProblem()).isTrue();
        assertThat(full.json().path("detail").asText()).contains("No space left on device");
        assertThat(HostileInputTest.snapshot(disk.dir)).as("the study folder after a failed SR").isEqualTo(before);
        assertThat(ServedMedVqa.files(server.root.resolve("data"))).as("scratch").isEmpty();
        assertThat(ask(server, study, false).status()).as("an answer without SR").isEqualTo(200);

        Files.delete(disk.dir.resolve("filler"));
        RawHttp.Response stored = ask(server, study, true);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        String sr = stored.json().path("srInstanceUid").asText();
        assertThat(disk.dir.resolve(study).resolve(sr + ".dcm")).isRegularFile();
      }
    }
  }

  private static RawHttp.Response ask(ServedMedVqa server, String study, boolean storeSr) throws Exception {
    String body = "{\"studyInstanceUID\":\"" + study + "\",\"question\":\"Is there a mass?\",\"storeSr\":" + storeSr + "}";
    return RawHttp.send(server.port(), "POST", "/api/v1/ask",
        Map.of("Authorization", "Bearer " + ServedMedVqa.KEY, "Content-Type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] resume(String[] train, int steps) {
    String[] args = java.util.Arrays.copyOf(train, train.length + 3);
    args[train.length] = "--resume";
    args[train.length + 1] = "--max-steps";
    args[train.length + 2] = Integer.toString(steps);
    return args;
  }
}
