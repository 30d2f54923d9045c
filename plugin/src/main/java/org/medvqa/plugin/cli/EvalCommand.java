package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa eval}: Evaluate a model on a dataset */
@Command(name = "eval", description = "Evaluate a model on a dataset (not built yet)")
public final class EvalCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa eval: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
