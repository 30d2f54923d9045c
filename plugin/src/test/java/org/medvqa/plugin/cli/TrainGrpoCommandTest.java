package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.training.model.ImagePreprocessor;
import org.medvqa.training.model.ModelConfig;
import org.medvqa.training.model.Provenance;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

class TrainGrpoCommandTest {
  @TempDir static Path dir;
  static Path data;
  static Path init;
  static Path config;

  @BeforeAll
  static void fixtures() throws Exception {
    data = dir.resolve("pv");
    assertThat(CliRun.of("data", "phantom", "--out", data.toString(), "--n", "6", "--seed", "1", "--image-size", "32").code())
        .isZero();
    init = dir.resolve("init");
    ModelConfig tiny = ModelConfig.tiny();
    try (VqaModel m = VqaModel.create(tiny, BpeTokenizer.train(List.of("Is there a nodule?", "<think>x</think><answer>yes</answer>"), 300),
        ImagePreprocessor.identity(tiny), 1)) {
      m.save(init, Provenance.untrained("tiny"));
    }
    config = dir.resolve("grpo.json");
    Files.writeString(config, """
        {"prompts_per_step": 2, "num_generations": 2, "max_completion_length": 6, "overlong_buffer": 2,
         "max_steps": 1, "reward_weights": {"format": 0.5, "accuracy": 1, "semantic": 1}}""");
  }

  @Test
  void trainsFromAModelDirectoryAndWritesTheRun() {
    Path out = dir.resolve("run");
    CliRun r = CliRun.of("train", "grpo", "--data", data.toString(), "--init", init.toString(), "--out", out.toString(),
        "--config", config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("GRPO: 1 steps");
    assertThat(out.resolve("model/config.json")).isRegularFile();
    assertThat(out.resolve("metrics.jsonl")).content().contains("\"reward/semantic\"");
    assertThat(out.resolve("plots/rewards.png")).isRegularFile();

    CliRun again = CliRun.of("train", "grpo", "--data", data.toString(), "--init", init.toString(), "--out", out.toString());
    assertThat(again.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(again.err()).contains("--resume").doesNotContain("Exception");
  }

  @Test
  void badInputExitsThreeWithOneLine() throws Exception {
    Path out = dir.resolve("bad");
    Path badConfig = dir.resolve("bad.json");
    Files.writeString(badConfig, "{\"loss_type\": \"ppo\"}");
    for (String[] args : List.of(
        new String[] {"train", "grpo", "--data", data.toString(), "--out", out.toString()},
        new String[] {"train", "grpo", "--data", dir.resolve("none").toString(), "--init", init.toString(), "--out", out.toString()},
        new String[] {"train", "grpo", "--data", data.toString(), "--init", dir.resolve("none").toString(), "--out", out.toString(), "--config", config.toString()},
        new String[] {"train", "grpo", "--data", data.toString(), "--init", init.toString(), "--out", out.toString(), "--config", badConfig.toString()},
        new String[] {"train", "grpo", "--data", data.toString(), "--init", init.toString(), "--out", out.toString()},
        new String[] {"train", "grpo", "--data", data.toString(), "--out", dir.resolve("fresh").toString(), "--resume"})) {
      CliRun r = CliRun.of(args);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }
  }
}
