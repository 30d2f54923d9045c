package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa serve}: Serve the REST API and the web page */
@Command(name = "serve", description = "Serve the REST API and the web page (not built yet)")
public final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa serve: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
