package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa data}: Generate PhantomVQA data; check a dataset */
@Command(name = "data", description = "Generate PhantomVQA data; check a dataset (not built yet)")
public final class DataCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa data: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
