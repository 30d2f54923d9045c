package org.medvqa.training.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.training.data.QuestionType;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaExample;
import org.medvqa.training.model.Completion;
import org.medvqa.training.model.FinishReason;
import org.medvqa.training.model.ImagePreprocessor;
import org.medvqa.training.model.ModelConfig;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

class EvaluatorTest {

  private static VqaModel untrained() {
    ModelConfig c = ModelConfig.tiny();
    BpeTokenizer tok = BpeTokenizer.train(List.of("Is there a mass? yes no left right"), 300);
    return VqaModel.create(c, tok, ImagePreprocessor.identity(c), 1);
  }

  @Test
  void scoresEachQuestionTypeByItsOwnRule() {
    try (VqaModel model = untrained()) {
      Evaluator ev = new Evaluator(model, (answer, ref, q) -> answer.contains("upper") ? 0.9 : 0.0, 8, 4, System.err);
      VqaExample mc = new VqaExample("m", "i.png", "Which organ?", "liver", QuestionType.MULTIPLE_CHOICE,
          List.of("lung", "liver"), "", List.of(), "CT", "abdomen", Split.TEST, "organ");
      assertThat(ev.score(mc, done("<think>x</think><answer>B</answer>")).correct()).isTrue();
      assertThat(ev.score(mc, done("<think>x</think><answer>lung</answer>")).correct()).isFalse();
      VqaExample closed = VqaMetricsTest.closed("no", "CT");
      assertThat(ev.score(closed, done("<think>x</think><answer>No.</answer>")).correct()).isTrue();
      VqaExample open = VqaMetricsTest.open("right upper lobe");
      ScoredAnswer semantic = ev.score(open, done("<think>x</think><answer>upper right lobe</answer>"));
      assertThat(semantic.exact()).isFalse();
      assertThat(semantic.correct()).isTrue();
      assertThat(ev.score(open, done("<answer>RUL</answer>")).exact()).isTrue();
    }
  }

  private static Completion done(String text) {
    return new Completion(text, new int[] {1, 2, 3}, new float[3], FinishReason.STOP);
  }

  @Test
  void evaluationReportsEveryKeyWithABlankBaselineAndWritesTheReport(@TempDir Path dir) throws Exception {
    Random r = new Random(3);
    ModelImage a = TestImages.noise(r);
    ModelImage b = TestImages.noise(r);
    List<VqaExample> examples = List.of(VqaMetricsTest.closed("yes", "CT"), VqaMetricsTest.closed("no", "MRI"),
        VqaMetricsTest.open("right upper lobe"));
    try (VqaModel model = untrained()) {
      Evaluator ev = new Evaluator(model, null, 6, 2, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      Evaluator.Result result = ev.evaluate(examples, e -> e.modality().equals("MRI") ? b : a);
      ObjectNode m = result.metrics();
      for (String key : List.of("closed_accuracy", "open_exact", "open_semantic", "mc_accuracy", "yes_rate", "true_yes_rate",
          "balanced_accuracy", "blank_baseline", "mean_length_correct", "mean_length_incorrect")) {
        assertThat(m.has(key)).as(key).isTrue();
      }
      assertThat(m.path("blank_baseline").has("closed_accuracy")).isTrue();
      assertThat(m.path("true_yes_rate").asDouble()).isEqualTo(0.5);
      assertThat(result.answers()).hasSize(3);
      EvalReport.write(dir, result, "untrained", "synthetic");
    }
    assertThat(Files.readString(dir.resolve("report.md"))).contains("| closed_accuracy |", "blank image", "## By modality");
    assertThat(dir.resolve("metrics.png")).isRegularFile();
    assertThat(dir.resolve("by_category.png")).isRegularFile();
    assertThat(Files.readAllLines(dir.resolve("answers.jsonl"))).hasSize(3);
  }

  static final class TestImages {
    static ModelImage noise(Random r) {
      float[] p = new float[32 * 32];
      for (int i = 0; i < p.length; i++) {
        p[i] = r.nextFloat();
      }
      return new ModelImage(1, 32, 32, p);
    }
  }
}
