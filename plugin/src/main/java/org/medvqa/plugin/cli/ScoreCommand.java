package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa score}: Score an answer against a reference with the reward functions */
@Command(name = "score", description = "Score an answer against a reference with the reward functions (not built yet)")
public final class ScoreCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa score: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
