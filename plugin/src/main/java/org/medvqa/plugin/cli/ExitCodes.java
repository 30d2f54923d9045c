package org.medvqa.plugin.cli;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;

/** The exit codes of DESIGN.md's command-line contract, and the mapping of failures onto them. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int USAGE = 2;
  public static final int BAD_INPUT = 3;

  /**
   * Failures that mean "the input is wrong", not "medvqa is broken". Each module has one such
   * exception type; add it here when the module gets one.
   */
  private static final List<Class<? extends Throwable>> BAD_INPUT_TYPES =
      List.of(BadInputException.class, NoSuchFileException.class, FileNotFoundException.class,
          org.medvqa.training.model.ModelDirectoryException.class,
          org.medvqa.training.data.DatasetException.class,
          org.medvqa.terminology.TerminologyException.class,
          org.medvqa.dicom.DicomFormatException.class);

  private ExitCodes() {}

  public static int of(Throwable failure) {
    if (failure instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : BAD_INPUT_TYPES) {
        if (type.isInstance(t)) {
          return BAD_INPUT;
        }
      }
    }
    return INTERNAL_ERROR;
  }

  /** Bad input gets one line on stderr; an internal error keeps its stack trace for the bug report. */
  static final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception failure, CommandLine cli, CommandLine.ParseResult parsed) {
      int code = of(failure);
      if (code == BAD_INPUT) {
        cli.getErr().println("medvqa: " + oneLine(failure));
      } else {
        cli.getErr().println("medvqa: internal error: " + oneLine(failure) + rootCause(failure));
        failure.printStackTrace(cli.getErr());
      }
      return code;
    }

    /** ": why" from the innermost cause ("No space left on device") when the message does not say it. */
    private static String rootCause(Throwable failure) {
      Throwable root = failure;
      for (int depth = 0; root.getCause() != null && depth < 20; depth++) {
        root = root.getCause();
      }
      String why = root.getMessage();
      return root == failure || why == null || oneLine(failure).contains(why.strip()) ? "" : ": " + oneLine(root);
    }

    private static String oneLine(Throwable failure) {
      Throwable cause = failure;
      while (cause.getCause() != null && cause.getMessage() == null) {
        cause = cause.getCause();
      }
      String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      return message.replaceAll("\\s+", " ").strip();
    }
  }
}
