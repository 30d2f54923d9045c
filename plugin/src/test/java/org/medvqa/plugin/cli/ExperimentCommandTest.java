package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to {@code medvqa experiment paper} exits 3 with one line, before any training starts. */
class ExperimentCommandTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

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
      String[] r = run(args);
      assertThat(r[0]).as(String.join(" ", args) + "\n" + r[2]).isEqualTo(String.valueOf(ExitCodes.BAD_INPUT));
      assertThat(r[2].strip().lines().count()).as(r[2]).isEqualTo(1);
    }
    assertThat(used.resolve("keep.txt")).hasContent("earlier results");
  }

  @Test
  void withoutASubcommandItPrintsUsage() {
    assertThat(run("experiment")[0]).isEqualTo(String.valueOf(ExitCodes.USAGE));
  }
}
