package org.medvqa.plugin.jobs;

/** A training job is already running (HTTP 409). */
public final class JobConflictException extends RuntimeException {
  public JobConflictException(String runningId) {
    super("training job " + runningId + " is still running; one job at a time");
  }
}
