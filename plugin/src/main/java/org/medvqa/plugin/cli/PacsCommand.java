package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa pacs}: Talk to a PACS: echo, find, get, store (DICOMweb or DIMSE) */
@Command(name = "pacs", description = "Talk to a PACS: echo, find, get, store (DICOMweb or DIMSE) (not built yet)")
public final class PacsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa pacs: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
