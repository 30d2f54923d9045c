package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code medvqa score} reports every GRPO reward component, not only the semantic one. */
class ScoreRewardsCommandTest {

  @Test
  void jsonCarriesEveryRewardComponentAndTheWeightedTotal() throws Exception {
    CliRun r = CliRun.of("score", "--answer", "<think>fluid at the left base</think><answer>fluid in the pleural space</answer>",
        "--reference", "pleural effusion", "--question", "What is seen?", "--json");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    JsonNode rewards = new ObjectMapper().readTree(r.out()).get("rewards");
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
    CliRun r = CliRun.of("score", "--answer", "Yes.", "--reference", "yes");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("rewards (closed)", "format 0.000", "accuracy 1.000", "semantic 1.000", "total 2.000");
  }
}
