package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa demo}: Serve the default model over the bundled sample studies */
@Command(name = "demo", description = "Serve the default model over the bundled sample studies (not built yet)")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa demo: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
