package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code medvqa experiment paper} exits 3 with one line, before any training starts. */
class ExperimentCommandTest {
  @TempDir Path dir;

  @Test
  void unknownBudgetMissingDataAndAUsedOutDirAreBadInput() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path used = Files.createDirectories(dir.resolve("used"));
    Files.writeString(used.resolve("keep.txt"), "earlier results");
    String[][] cases = {
      {"experiment", "paper", "--data", data.toString(), "--out", dir.resolve("a").toString(), "--budget", "huge"},
      {"experiment", "paper", "--data", dir.resolve("none").toString(), "--out", dir.resolve("b").toString()},
      {"experiment", "paper", "--data", data.toString(), "--out", used.toString()},
      {"experiment", "paper", "--data", data.toString(), "--out", dir.resolve("c").toString()}, // no questions
    };
    for (String[] args : cases) {
      CliRun r = CliRun.of(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }
    assertThat(used.resolve("keep.txt")).hasContent("earlier results");
  }

  @Test
  void withoutASubcommandItPrintsUsage() {
    assertThat(CliRun.of("experiment").code()).isEqualTo(ExitCodes.USAGE);
  }
}
