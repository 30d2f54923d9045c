package org.medvqa.training.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.data.VqaExample;
import org.medvqa.training.eval.Evaluator;
import org.medvqa.training.eval.ScoredAnswer;
import org.medvqa.training.grpo.CurvePlot;
import org.medvqa.training.grpo.GrpoConfig;
import org.medvqa.training.grpo.GrpoData;
import org.medvqa.training.grpo.GrpoExample;
import org.medvqa.training.grpo.GrpoTrainer;
import org.medvqa.training.grpo.MetricsLog;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.pretrain.ReportPretraining;
import org.medvqa.training.rewards.SemanticScorer;
import org.medvqa.training.sft.DatasetImages;
import org.medvqa.training.sft.SftConfig;
import org.medvqa.training.sft.SftData;
import org.medvqa.training.sft.SftExample;
import org.medvqa.training.sft.SftTrainer;

/**
 * The paper's study end to end on one dataset:
 *
 * <ol>
 *   <li>{@code base}: report pretraining (no question ever seen);
 *   <li>{@code sft}: SFT with reference reasoning, the {@code instruct} model and the first row;
 *   <li>seven GRPO rows ({@link StudyVariant#paperRows()}), each with the same time budget, from
 *       {@code base} or from {@code sft};
 *   <li>{@code sft_matched}: the SFT run resumed for as long as one GRPO row, the matched-compute control;
 *   <li>every model evaluated greedily on the same fixed held-out subset.
 * </ol>
 *
 * Writes {@code study.md}, {@code study.json}, {@code curves/*.png} and one directory per phase.
 */
public final class PaperStudy {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path data;
  private final Path out;
  private final StudyBudget budget;
  private final SemanticScorer semantic;
  private final PrintStream progress;

  public PaperStudy(Path data, Path out, StudyBudget budget, SemanticScorer semantic, PrintStream progress) {
    this.data = data;
    this.out = out;
    this.budget = budget;
    this.semantic = semantic;
    // the SFT trainer and the evaluator always print; without a progress stream they print nowhere
    this.progress = progress != null ? progress : new PrintStream(java.io.OutputStream.nullOutputStream());
  }

  /** The plain GRPO config of every row before its variant's overrides. */
  public GrpoConfig plainGrpo() {
    return GrpoConfig.defaults().with(Map.of(
        "prompts_per_step", budget.promptsPerStep(), "num_generations", 8, "max_completion_length", 48,
        "overlong_buffer", 16, "temperature", 1.0, "learning_rate", 2e-4, "beta", 0.04, "save_steps", 50,
        "log_completions_steps", 20));
  }

  public StudyTable run() throws IOException {
    Files.createDirectories(out);
    long started = System.nanoTime();
    VqaDataset dataset = VqaDataset.open(data);
    DatasetImages images = new DatasetImages();
    List<SftExample> sftExamples = SftData.examples(dataset, Split.TRAIN, images);
    List<VqaExample> heldOut = heldOut(dataset);
    List<GrpoExample> grpoTrain = GrpoData.load(dataset, Split.TRAIN, images);
    SftConfig sftConfig = budget.sftConfig(budget.sftMinutes());
    note("study: %d train questions, %d held-out, budget %s", sftExamples.size(), heldOut.size(), budget.name());

    List<String> vqaTexts = new ArrayList<>();
    sftExamples.forEach(e -> {
      vqaTexts.add(e.question());
      vqaTexts.add(e.target());
    });
    Path baseDir = out.resolve("base");
    SftTrainer.Result base = ReportPretraining.train(ReportPretraining.examples(dataset.root(), images), vqaTexts,
        budget.sftConfig(budget.baseMinutes()), baseDir, progress);
    Path sftDir = out.resolve("sft");
    SftTrainer.Result sft = new SftTrainer(sftConfig, sftDir, progress).train(sftExamples, false);

    List<StudyRow> rows = new ArrayList<>();
    rows.add(evaluate("sft", "SFT with reference reasoning", sft.modelDir(), heldOut, images, sft.minutes() * 60, sft.steps()));
    for (StudyVariant v : StudyVariant.paperRows()) {
      Path init = v.init() == Init.BASE ? base.modelDir() : sft.modelDir();
      Path runDir = out.resolve(v.name());
      note("study: %s (%s)", v.name(), v.description());
      GrpoTrainer.Result r = GrpoTrainer.train(new GrpoTrainer.Run(grpoTrain, init, runDir, v.config(plainGrpo()),
          budget.grpoMinutes(), false, semantic, null, progress));
      rows.add(evaluate(v.name(), v.description(), r.model(), heldOut, images, r.seconds(), r.steps()));
    }
    List<StudyRow> controls = List.of(matchedSft(sftConfig, sftExamples, heldOut, images, sft));
    StudyTable table = new StudyTable(rows, controls);
    Files.writeString(out.resolve("study.json"), table.toJson());
    Files.writeString(out.resolve("study.md"), "# Paper study (" + budget.name() + " budget)\n\n" + table.toMarkdown()
        + String.format("%nTotal wall-clock: %.1f minutes.%n", (System.nanoTime() - started) / 6e10));
    writeCurves(rows);
    return table;
  }

  /** SFT resumed from its own checkpoint for one more GRPO budget: GRPO's matched-compute control. */
  private StudyRow matchedSft(SftConfig sftConfig, List<SftExample> examples, List<VqaExample> heldOut,
      DatasetImages images, SftTrainer.Result sft) throws IOException {
    Path dir = out.resolve("sft_matched");
    copyTree(out.resolve("sft"), dir);
    // same schedule, more steps and minutes: the cosine tail continues from where SFT stopped
    SftConfig longer = budget.sftConfig(budget.sftMinutes() + budget.grpoMinutes());
    SftTrainer.Result more = new SftTrainer(longer, dir, progress).train(examples, true);
    return evaluate("sft_matched", "SFT continued for one GRPO row's time (matched compute)", more.modelDir(), heldOut,
        images, (more.minutes() - sft.minutes()) * 60, more.steps() - sft.steps());
  }

  private StudyRow evaluate(String name, String description, Path modelDir, List<VqaExample> heldOut,
      DatasetImages images, double seconds, int steps) throws IOException {
    note("study: evaluating %s on %d held-out questions", name, heldOut.size());
    try (VqaModel model = VqaModel.load(modelDir)) {
      Evaluator.Result result = new Evaluator(model, semantic, 64, 32, progress)
          .evaluate(heldOut, e -> images.load(dataRoot().resolve(e.image())));
      ObjectNode metrics = result.metrics();
      metrics.put("mean_length", result.answers().stream().mapToInt(ScoredAnswer::tokens).average().orElse(Double.NaN));
      Files.writeString(out.resolve(name + "_eval.json"), metrics.toPrettyString());
      @SuppressWarnings("unchecked")
      Map<String, Object> map = JSON.convertValue(metrics, LinkedHashMap.class);
      map.remove("breakdown");
      return new StudyRow(name, description, map, seconds, steps);
    }
  }

  private Path dataRoot() {
    return data.toAbsolutePath().normalize();
  }

  /** The fixed held-out subset: the test split (else validation), sorted by id, the first N. */
  private List<VqaExample> heldOut(VqaDataset dataset) {
    List<VqaExample> test = new ArrayList<>(dataset.split(Split.TEST));
    if (test.isEmpty()) {
      test.addAll(dataset.split(Split.VAL));
    }
    if (test.isEmpty()) {
      throw new IllegalArgumentException(data + " has no test or validation questions to evaluate on");
    }
    test.sort(Comparator.comparing(VqaExample::id));
    return test.subList(0, Math.min(budget.evalQuestions(), test.size()));
  }

  private void writeCurves(List<StudyRow> rows) throws IOException {
    CurvePlot reward = new CurvePlot("GRPO: mean reward per step (10-step trailing mean)", "step", "reward");
    CurvePlot length = new CurvePlot("GRPO: mean completion length per step", "step", "tokens");
    CurvePlot zeroStd = new CurvePlot("GRPO: share of groups with zero reward variance", "step", "frac_reward_zero_std");
    for (StudyRow row : rows) {
      Path metrics = out.resolve(row.name()).resolve("metrics.jsonl");
      if (row.name().equals("sft") || !Files.exists(metrics)) {
        continue;
      }
      var m = MetricsLog.read(metrics);
      double[] steps = MetricsLog.column(m, "step");
      reward.add(row.name(), steps, org.medvqa.training.grpo.CurvePlots.smooth(MetricsLog.column(m, "reward")));
      length.add(row.name(), steps, org.medvqa.training.grpo.CurvePlots.smooth(MetricsLog.column(m, "completions/mean_length")));
      zeroStd.add(row.name(), steps, org.medvqa.training.grpo.CurvePlots.smooth(MetricsLog.column(m, "frac_reward_zero_std")));
    }
    reward.write(out.resolve("curves/reward.png"));
    length.write(out.resolve("curves/length.png"));
    zeroStd.write(out.resolve("curves/zero_std.png"));
  }

  private void note(String format, Object... args) {
    progress.printf(format + "%n", args);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      throw new IOException(to + " already exists");
    }
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
