package org.medvqa.plugin.model;

/** A model directory that cannot be served: missing files, unreadable parameters, wrong shapes. */
public class InvalidModelException extends Exception {
  public InvalidModelException(String message) {
    super(message);
  }

  public InvalidModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
