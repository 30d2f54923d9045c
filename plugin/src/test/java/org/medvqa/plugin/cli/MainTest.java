package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  @Test
  void helpListsEveryCommandOfTheContract() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("demo", "serve", "ask", "dicom", "pacs", "terms", "score", "data", "train", "eval", "experiment");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CommandLine cli = Main.newCommandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("--no-such-option")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void badInputMapsToExitThreeThroughCauses() {
    assertThat(ExitCodes.of(new RuntimeException(new BadInputException("bad")))).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(ExitCodes.INTERNAL_ERROR);
  }
}
