package org.medvqa.terminology;

/**
 * The terminology module's one bad-input failure: an unreadable source file, a malformed row, text
 * that is too long. The message is the one line a user sees; the command line maps it to exit code 3.
 */
public class TerminologyException extends RuntimeException {
  public TerminologyException(String message) {
    super(message);
  }

  public TerminologyException(String message, Throwable cause) {
    super(message, cause);
  }
}
