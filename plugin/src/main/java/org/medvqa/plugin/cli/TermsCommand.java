package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa terms}: Look up medical concepts in text; build the concept index */
@Command(name = "terms", description = "Look up medical concepts in text; build the concept index (not built yet)")
public final class TermsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa terms: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
