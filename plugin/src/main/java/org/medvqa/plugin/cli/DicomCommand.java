package org.medvqa.plugin.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code medvqa dicom}: Inspect and render DICOM files */
@Command(name = "dicom", description = "Inspect and render DICOM files (not built yet)")
public final class DicomCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("medvqa dicom: not built yet");
    return ExitCodes.INTERNAL_ERROR;
  }
}
