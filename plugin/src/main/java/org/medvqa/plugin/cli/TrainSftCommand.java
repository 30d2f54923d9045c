package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa train sft}: Supervised fine-tuning: teaches the think/answer format. */
@Command(name = "sft", description = "Supervised fine-tuning: teaches the think/answer format (not built yet)")
public final class TrainSftCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa train sft: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
