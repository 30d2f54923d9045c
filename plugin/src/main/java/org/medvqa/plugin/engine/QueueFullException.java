package org.medvqa.plugin.engine;

/** The engine's queue is full; the caller should retry after {@link #retryAfterSeconds()}. */
public final class QueueFullException extends RuntimeException {
  private final long retryAfterSeconds;

  public QueueFullException(int capacity, long retryAfterSeconds) {
    super("inference queue is full (" + capacity + " waiting); retry later");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
