package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa ask}: Ask a question about a DICOM file, a series or an image */
@Command(name = "ask", description = "Ask a question about a DICOM file, a series or an image (not built yet)")
public final class AskCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa ask: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
