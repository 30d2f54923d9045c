package org.medvqa.plugin.jobs;

/** No training job with this id (HTTP 404). */
public final class UnknownJobException extends RuntimeException {
  public UnknownJobException(String id) {
    super("no training job with id '" + id + "'");
  }
}
