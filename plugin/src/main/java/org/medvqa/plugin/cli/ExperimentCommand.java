package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa experiment}: Re-run the paper's four-factor study */
@Command(name = "experiment", description = "Re-run the paper's four-factor study (not built yet)")
public final class ExperimentCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa experiment: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
