package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa train grpo}: GRPO fine-tuning with the medical rewards. */
@Command(name = "grpo", description = "GRPO fine-tuning with the medical rewards (not built yet)")
public final class TrainGrpoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa train grpo: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
