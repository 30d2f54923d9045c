package org.medvqa.plugin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.sft.DatasetImages;
import org.medvqa.training.sft.SftConfig;
import org.medvqa.training.sft.SftData;
import org.medvqa.training.sft.SftExample;
import org.medvqa.training.sft.SftTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvqa train sft}: supervised fine-tuning that teaches the think/answer format. */
@Command(name = "sft", mixinStandardHelpOptions = true,
    description = "Supervised fine-tuning: teaches the <think>...</think><answer>...</answer> format with reference reasoning")
public final class TrainSftCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "dataset directory (its train split is used)")
  Path data;

  @Option(names = "--out", required = true, description = "output directory: model/, checkpoint/, metrics.jsonl, loss.png")
  Path out;

  @Option(names = "--config", description = "SFT config JSON (keys of SftConfig; the rest keep their defaults)")
  Path config;

  @Option(names = "--max-minutes", description = "wall-clock budget in minutes (overrides the config)")
  Double maxMinutes;

  @Option(names = "--max-steps", description = "optimizer steps (overrides the config)")
  Integer maxSteps;

  @Option(names = "--seed", description = "seed for initialisation and data order (overrides the config)")
  Long seed;

  @Option(names = "--resume", description = "continue from OUT/checkpoint exactly where it stopped")
  boolean resume;

  @Override
  public Integer call() throws IOException {
    SftConfig c;
    try {
      c = config == null ? SftConfig.defaults() : SftConfig.read(config);
      if (maxMinutes != null) {
        c = c.withMaxMinutes(maxMinutes);
      }
      if (maxSteps != null) {
        c = c.withMaxSteps(maxSteps);
      }
      if (seed != null) {
        c = c.withSeed(seed);
      }
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    VqaDataset dataset = VqaDataset.open(data);
    List<SftExample> examples = SftData.examples(dataset, Split.TRAIN, new DatasetImages());
    if (examples.isEmpty()) {
      throw new BadInputException(data + " has no training questions");
    }
    var err = System.err;
    err.printf(Locale.ROOT, "sft: %d training questions from %s (%d rows skipped), model %s, up to %d steps / %.1f min%n",
        examples.size(), data, dataset.skipped(), c.model(), c.maxSteps(), c.maxMinutes());
    SftTrainer.Result result;
    try {
      result = new SftTrainer(c, out, err).train(examples, resume);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "model written to %s: %d steps, final loss %.4f, %.1f min%n",
        result.modelDir(), result.steps(), result.finalLoss(), result.minutes());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
