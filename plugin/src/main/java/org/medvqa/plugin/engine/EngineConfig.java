package org.medvqa.plugin.engine;

import java.time.Duration;

/**
 * Knobs of the {@link InferenceEngine}.
 *
 * @param maxBatch most questions answered by one {@code generate} call; 1 turns batching off
 * @param maxWait how long the worker waits after the first queued question for others to join its batch
 * @param queueCapacity questions waiting beyond this are refused (HTTP 429)
 * @param requestTimeout a question not answered within this is given up (HTTP 503)
 */
public record EngineConfig(int maxBatch, Duration maxWait, int queueCapacity, Duration requestTimeout) {
  public EngineConfig {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
    }
    if (maxWait.isNegative() || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("maxWait must be >= 0 and requestTimeout > 0");
    }
  }

  public static EngineConfig defaults() {
    return new EngineConfig(16, Duration.ofMillis(10), 256, Duration.ofSeconds(60));
  }

  public EngineConfig withMaxBatch(int n) {
    return new EngineConfig(n, maxWait, queueCapacity, requestTimeout);
  }

  public EngineConfig withQueueCapacity(int n) {
    return new EngineConfig(maxBatch, maxWait, n, requestTimeout);
  }

  public EngineConfig withRequestTimeout(Duration d) {
    return new EngineConfig(maxBatch, maxWait, queueCapacity, d);
  }

  public EngineConfig withMaxWait(Duration d) {
    return new EngineConfig(maxBatch, d, queueCapacity, requestTimeout);
  }
}
