package org.medvqa.plugin.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The state of one training job; a snapshot of it is what the REST API returns. */
public final class TrainingJob {
  /** Lifecycle: RUNNING, then exactly one of the others. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED
  }

  private final String id;
  private final TrainingKind kind;
  private final String dataset;
  private final String baseModel;
  private final Instant started = Instant.now();
  private volatile Status status = Status.RUNNING;
  private volatile int step;
  private volatile int totalSteps;
  private volatile Map<String, Double> metrics = Map.of();
  private volatile Instant finished;
  private volatile String modelId;
  private volatile String error;
  volatile boolean cancelRequested;

  TrainingJob(String id, TrainingKind kind, String dataset, String baseModel) {
    this.id = id;
    this.kind = kind;
    this.dataset = dataset;
    this.baseModel = baseModel;
  }

  void progress(int step, int totalSteps, Map<String, Double> metrics) {
    this.step = step;
    this.totalSteps = totalSteps;
    this.metrics = new TreeMap<>(metrics);
  }

  void finish(Status status, String modelId, String error) {
    this.modelId = modelId;
    this.error = error;
    this.finished = Instant.now();
    this.status = status;
  }

  public String id() {
    return id;
  }

  public Snapshot snapshot() {
    double fraction = totalSteps > 0 ? Math.min(1.0, (double) step / totalSteps) : 0.0;
    return new Snapshot(
        id, kind, dataset, baseModel, status, step, totalSteps, fraction, metrics, started.toString(), finished == null ? null : finished.toString(), modelId, error);
  }

  /** An immutable view, serialised as the job resource. */
  public record Snapshot(
      String id,
      TrainingKind kind,
      String dataset,
      String baseModel,
      Status status,
      int step,
      int totalSteps,
      double progress,
      Map<String, Double> metrics,
      String started,
      String finished,
      String modelId,
      String error) {}
}
