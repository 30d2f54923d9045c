package org.medvqa.training.sft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.training.model.Completion;
import org.medvqa.training.model.GenerationOptions;
import org.medvqa.training.model.ModelDirectoryException;
import org.medvqa.training.model.ResponseFormat;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.VqaPrompt;

class SftTrainerTest {
  private static final java.io.PrintStream QUIET = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

  private static SftConfig tinyConfig(int steps) {
    return new SftConfig("tiny", 320, 24, 2, 3e-3, 0.0, 10, steps, 5, 1.0, 1000, 5, 7, false);
  }

  @Test
  void learnsAnImageDependentTaskInTheThinkAnswerFormat(@TempDir Path out) throws Exception {
    List<SyntheticVqa.Item> train = SyntheticVqa.generate(240, 1);
    SftTrainer.Result result = new SftTrainer(tinyConfig(250), out, QUIET).train(SyntheticVqa.sft(train), false);
    assertThat(result.steps()).isEqualTo(250);
    assertThat(out.resolve(SftTrainer.LOSS_PLOT)).isRegularFile();
    List<String> metrics = Files.readAllLines(out.resolve(SftTrainer.METRICS));
    assertThat(metrics).hasSize(50);
    assertThat(metrics.get(0)).contains("\"train/loss\"", "\"perf/tokens_per_s\"");

    List<SyntheticVqa.Item> test = SyntheticVqa.generate(60, 99);
    try (VqaModel model = VqaModel.load(result.modelDir())) {
      List<VqaPrompt> prompts = new ArrayList<>();
      test.forEach(i -> prompts.add(new VqaPrompt(i.image(), i.question())));
      List<Completion> answers = model.generate(prompts, GenerationOptions.greedy(24));
      int correct = 0;
      for (int i = 0; i < test.size(); i++) {
        assertThat(answers.get(i).text()).matches("<think>.*</think><answer>.*</answer>");
        if (ResponseFormat.answerOf(answers.get(i).text()).equals(test.get(i).answer())) {
          correct++;
        }
      }
      assertThat(correct / (double) test.size()).isGreaterThan(0.9);
    }
  }

  @Test
  void aResumedRunWithImageJitterIsExactToo(@TempDir Path tmp) throws Exception {
    List<SftExample> data = SyntheticVqa.sft(SyntheticVqa.generate(30, 4));
    SftConfig jitter = new SftConfig("tiny", 320, 12, 2, 3e-3, 0.0, 2, 6, 5, 1.0, 1000, 2, 9, true);
    new SftTrainer(jitter, tmp.resolve("a"), QUIET).train(data, false);
    new SftTrainer(jitter, tmp.resolve("b"), QUIET).stopAfter(3).train(data, false);
    new SftTrainer(jitter, tmp.resolve("b"), QUIET).train(data, true);
    try (VqaModel a = VqaModel.load(tmp.resolve("a/model")); VqaModel b = VqaModel.load(tmp.resolve("b/model"))) {
      a.weights().forEach((name, w) -> assertThat(b.weights().get(name)).as(name).containsExactly(w));
    }
  }

  @Test
  void aResumedRunEndsWithExactlyTheWeightsOfAnUnbrokenOne(@TempDir Path tmp) throws Exception {
    List<SftExample> data = SyntheticVqa.sft(SyntheticVqa.generate(40, 3));
    Path straight = tmp.resolve("straight");
    Path broken = tmp.resolve("broken");
    new SftTrainer(tinyConfig(9), straight, QUIET).train(data, false);
    SftTrainer.Result first = new SftTrainer(tinyConfig(9), broken, QUIET).stopAfter(4).train(data, false);
    assertThat(first.steps()).isEqualTo(4);
    SftTrainer.Result second = new SftTrainer(tinyConfig(9), broken, QUIET).train(data, true);
    assertThat(second.steps()).isEqualTo(9);
    try (VqaModel a = VqaModel.load(straight.resolve("model")); VqaModel b = VqaModel.load(broken.resolve("model"))) {
      a.weights().forEach((name, w) -> assertThat(b.weights().get(name)).as(name).containsExactly(w));
    }
    assertThat(lossByStep(broken.resolve(SftTrainer.METRICS))).isEqualTo(lossByStep(straight.resolve(SftTrainer.METRICS)));
  }

  private static List<String> lossByStep(Path metrics) throws java.io.IOException {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(metrics)) {
      var n = json.readTree(line);
      out.add(n.path("step").asInt() + ":" + n.path("train/loss").asDouble());
    }
    return out;
  }

  @Test
  void refusesToResumeWithoutACheckpointOrWithChangedData(@TempDir Path tmp) throws Exception {
    List<SftExample> data = SyntheticVqa.sft(SyntheticVqa.generate(20, 3));
    assertThatThrownBy(() -> new SftTrainer(tinyConfig(3), tmp.resolve("none"), QUIET).train(data, true))
        .isInstanceOf(ModelDirectoryException.class).hasMessageContaining("nothing to resume");
    new SftTrainer(tinyConfig(3), tmp.resolve("run"), QUIET).stopAfter(2).train(data, false);
    List<SftExample> other = SyntheticVqa.sft(SyntheticVqa.generate(20, 4));
    assertThatThrownBy(() -> new SftTrainer(tinyConfig(3), tmp.resolve("run"), QUIET).train(other, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training data changed");
  }
}
