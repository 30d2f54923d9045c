package org.medvqa.plugin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.grpo.GrpoConfig;
import org.medvqa.training.grpo.GrpoData;
import org.medvqa.training.grpo.GrpoExample;
import org.medvqa.training.grpo.GrpoTrainer;
import org.medvqa.training.rewards.SemanticScorer;
import org.medvqa.training.rewards.TerminologySemanticScorer;
import org.medvqa.training.sft.DatasetImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvqa train grpo}: GRPO fine-tuning with the medical rewards. */
@Command(name = "grpo", description = "GRPO fine-tuning with the medical rewards (format, accuracy, "
    + "semantic alignment, ECR/CWR, overlong); config keys are TRL's GRPOConfig names")
public final class TrainGrpoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "dataset directory (its train split)")
  Path data;

  @Option(names = "--init", paramLabel = "MODEL_DIR",
      description = "the model to start from: an SFT (instruct) or base model; also the frozen KL reference")
  Path init;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "run directory: metrics, plots, checkpoint, model/")
  Path out;

  @Option(names = "--config", paramLabel = "FILE", description = "JSON with GRPOConfig keys overriding the defaults")
  Path config;

  @Option(names = "--max-minutes", paramLabel = "M", defaultValue = "0",
      description = "stop after M minutes of this invocation (0: only max_steps)")
  double maxMinutes;

  @Option(names = "--resume", description = "continue from DIR/checkpoint exactly")
  boolean resume;

  @Override
  public Integer call() throws IOException {
    GrpoConfig cfg = readConfig();
    if (!resume && init == null) {
      throw new BadInputException("--init MODEL_DIR is required (the model GRPO starts from)");
    }
    if (!resume && Files.isDirectory(out.resolve("checkpoint"))) {
      throw new BadInputException(out + " already holds a GRPO run; pass --resume to continue it or choose another --out");
    }
    List<GrpoExample> train = GrpoData.load(VqaDataset.open(data), Split.TRAIN, new DatasetImages());
    if (train.isEmpty()) {
      throw new BadInputException(data + " has no training questions");
    }
    SemanticScorer semantic = cfg.rewardWeights().containsKey("semantic") ? TerminologySemanticScorer.shared() : null;
    GrpoTrainer.Result result;
    try {
      result = GrpoTrainer.train(new GrpoTrainer.Run(train, init, out, cfg, maxMinutes, resume, semantic, null, System.err));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "GRPO: %d steps in %.0f s; model in %s; curves in %s%n",
        result.steps(), result.seconds(), result.model(), out.resolve("plots"));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private GrpoConfig readConfig() throws IOException {
    if (config == null) {
      return GrpoConfig.defaults();
    }
    if (!Files.isRegularFile(config)) {
      throw new BadInputException("no such config file: " + config);
    }
    try {
      return GrpoConfig.load(config);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(config + ": " + e.getMessage(), e);
    }
  }
}
