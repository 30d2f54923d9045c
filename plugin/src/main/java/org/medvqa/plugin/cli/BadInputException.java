package org.medvqa.plugin.cli;

/** A command's input is wrong (exit code 3): the message is the one line the user sees. */
public class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
