package org.medvqa.plugin.engine;

import java.time.Duration;

/** A question was not answered within the per-request timeout. */
public final class InferenceTimeoutException extends RuntimeException {
  public InferenceTimeoutException(Duration timeout) {
    super("no answer within " + timeout.toMillis() + " ms");
  }
}
