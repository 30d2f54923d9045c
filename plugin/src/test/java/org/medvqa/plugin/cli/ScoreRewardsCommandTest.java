package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code medvqa score} reports every GRPO reward component, not only the semantic one. */
class ScoreRewardsCommandTest {

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
  void jsonCarriesEveryRewardComponentAndTheWeightedTotal() throws Exception {
    String[] r = run("score", "--answer", "<think>fluid at the left base</think><answer>fluid in the pleural space</answer>",
        "--reference", "pleural effusion", "--question", "What is seen?", "--json");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode rewards = new ObjectMapper().readTree(r[1]).get("rewards");
    assertThat(rewards.get("question_type").asText()).isEqualTo("open");
    assertThat(rewards.get("format").asDouble()).isEqualTo(1.0);
    assertThat(rewards.get("accuracy").asDouble()).isEqualTo(0.0); // not the same words
    assertThat(rewards.get("semantic").asDouble()).isEqualTo(1.0); // the same concept
    assertThat(rewards.get("ecr").asDouble()).isEqualTo(5 / 16.0); // 5 words of reasoning, target 16
    assertThat(rewards.get("cwr").asDouble()).isEqualTo(0.0);     // length pays only when correct
    assertThat(rewards.get("overlong").asDouble()).isEqualTo(0.0);
    assertThat(rewards.get("total").asDouble()).isEqualTo(2.0);    // format + accuracy + semantic
  }

  @Test
  void closedReferencesAreScoredAsYesNoAndPlainOutputListsTheComponents() {
    String[] r = run("score", "--answer", "Yes.", "--reference", "yes");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("rewards (closed)", "format 0.000", "accuracy 1.000", "semantic 1.000", "total 2.000");
  }
}
