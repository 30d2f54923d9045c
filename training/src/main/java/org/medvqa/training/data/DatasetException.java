package org.medvqa.training.data;

/**
 * A dataset cannot be used at all (no known layout, an unreadable file). Bad rows never throw this:
 * readers skip them and count them. The command line maps it to exit code 3 (bad input).
 */
public class DatasetException extends RuntimeException {
  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
