package org.medvqa.training.model;

/** A model directory that is missing, incomplete or corrupt: bad input, refused with one clear line. */
public class ModelDirectoryException extends RuntimeException {
  public ModelDirectoryException(String message) {
    super(message);
  }

  public ModelDirectoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
