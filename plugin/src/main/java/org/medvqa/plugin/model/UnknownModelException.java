package org.medvqa.plugin.model;

/** No model with this id in the registry. */
public class UnknownModelException extends RuntimeException {
  public UnknownModelException(String id) {
    super("no model with id '" + id + "'");
  }
}
