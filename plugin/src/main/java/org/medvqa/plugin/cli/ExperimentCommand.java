package org.medvqa.plugin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medvqa.training.experiment.PaperStudy;
import org.medvqa.training.experiment.StudyBudget;
import org.medvqa.training.experiment.StudyTable;
import org.medvqa.training.rewards.TerminologySemanticScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvqa experiment}: re-runs the paper's four-factor study. */
@Command(name = "experiment", description = "Re-run the paper's four-factor study",
    subcommands = {ExperimentCommand.Paper.class})
public final class ExperimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(name = "paper", description = "SFT; GRPO from base and from SFT; + semantic, + ECR, + CWR; Dr. GRPO; "
      + "DAPO-style; each evaluated on the same held-out subset (Markdown + JSON table, PNG curves)")
  static final class Paper implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset (PhantomVQA: with reports.jsonl)")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "new directory for every run and the table")
    Path out;

    @Option(names = "--budget", defaultValue = "quick", description = "quick (25 min on 2 cores) or full (default ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--json", description = "print the table as one JSON object with a rows array")
    boolean json;

    @Override
    public Integer call() throws IOException {
      StudyBudget b;
      try {
        b = StudyBudget.of(budget);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      if (!Files.isDirectory(data)) {
        throw new BadInputException("no such dataset directory: " + data);
      }
      if (Files.isDirectory(out) && !isEmpty(out)) {
        throw new BadInputException(out + " is not empty; the study needs a fresh --out");
      }
      StudyTable table;
      try {
        table = new PaperStudy(data, out, b, TerminologySemanticScorer.shared(), System.err).run();
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      spec.commandLine().getOut().println(json ? table.toJson() : table.toMarkdown());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }

    private static boolean isEmpty(Path dir) throws IOException {
      try (var entries = Files.list(dir)) {
        return entries.findAny().isEmpty();
      }
    }
  }
}
