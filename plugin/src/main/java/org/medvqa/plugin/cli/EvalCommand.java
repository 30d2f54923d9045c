package org.medvqa.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.data.VqaExample;
import org.medvqa.training.eval.EvalReport;
import org.medvqa.training.eval.Evaluator;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.rewards.SemanticScorer;
import org.medvqa.training.rewards.TerminologySemanticScorer;
import org.medvqa.training.sft.DatasetImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvqa eval}: evaluates a model on a dataset split, with a blank-image baseline. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a model on a dataset")
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "model directory")
  Path modelDir;

  @Option(names = "--data", required = true, description = "dataset directory")
  Path data;

  @Option(names = "--split", defaultValue = "test", description = "split to evaluate: train, val or test (default ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--limit", description = "evaluate only the first N questions")
  Integer limit;

  @Option(names = "--report", description = "write report.md, metrics.json, answers.jsonl and plots here")
  Path report;

  @Option(names = "--json", description = "print the metrics as one JSON document")
  boolean json;

  @Option(names = "--max-new-tokens", defaultValue = "96", description = "generation limit per answer (default ${DEFAULT-VALUE})")
  int maxNewTokens;

  @Override
  public Integer call() throws IOException {
    Split s;
    try {
      s = Split.parse(split);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    VqaDataset dataset = VqaDataset.open(data);
    List<VqaExample> examples = dataset.split(s);
    if (limit != null) {
      examples = examples.subList(0, Math.min(limit, examples.size()));
    }
    if (examples.isEmpty()) {
      throw new BadInputException(data + " has no " + s.label() + " questions");
    }
    DatasetImages images = new DatasetImages();
    PrintStream err = System.err;
    try (VqaModel model = VqaModel.load(modelDir)) {
      Evaluator evaluator = new Evaluator(model, semanticScorer(), maxNewTokens, 32, err);
      Evaluator.Result result = evaluator.evaluate(examples, e -> images.load(dataset.imagePath(e)));
      if (report != null) {
        EvalReport.write(report, result, modelDir.toString(), data.toString());
      }
      var out = spec.commandLine().getOut();
      if (json) {
        out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.metrics()));
      } else {
        var m = result.metrics();
        var b = m.path("blank_baseline");
        out.printf(Locale.ROOT, "%-22s %8s %8s%n", "metric", "model", "blank");
        for (String k : List.of("closed_accuracy", "open_exact", "open_semantic", "mc_accuracy", "yes_rate",
            "true_yes_rate", "balanced_accuracy", "mean_length_correct", "mean_length_incorrect")) {
          out.printf(Locale.ROOT, "%-22s %8s %8s%n", k, text(m.path(k)), text(b.path(k)));
        }
        if (report != null) {
          out.println("report: " + report.resolve("report.md"));
        }
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode n) {
    return n.isNumber() ? String.format(Locale.ROOT, "%.3f", n.asDouble()) : "n/a";
  }

  @Option(names = "--no-semantic", description = "skip the terminology alignment (open_semantic is then null)")
  boolean noSemantic;

  /** The terminology's concept alignment (the same scorer as GRPO's semantic reward). */
  private SemanticScorer semanticScorer() {
    return noSemantic ? null : TerminologySemanticScorer.shared();
  }
}
