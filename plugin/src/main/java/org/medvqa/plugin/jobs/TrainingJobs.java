package org.medvqa.plugin.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.medvqa.plugin.model.ModelEntry;
import org.medvqa.plugin.model.ModelRegistry;
import org.medvqa.plugin.service.BadRequestException;

/**
 * Runs training jobs one at a time. A job trains into a scratch directory next to the registry and,
 * when it succeeds, the directory is moved into the registry as {@code <kind>-<n>} (not activated).
 * Dataset names are resolved inside the datasets root only; anything that leaves it is refused.
 */
public final class TrainingJobs {
  private final Trainer trainer;
  private final ModelRegistry registry;
  private final Path datasetsRoot;
  private final Map<String, TrainingJob> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();
  private TrainingJob running;

  public TrainingJobs(Trainer trainer, ModelRegistry registry, Path datasetsRoot) {
    this.trainer = trainer;
    this.registry = registry;
    this.datasetsRoot = datasetsRoot.toAbsolutePath().normalize();
  }

  /**
   * Starts a job.
   *
   * @param dataset a folder name relative to the datasets root
   * @param baseModelId registry id to start from; null for the active model
   * @throws JobConflictException when a job is running
   * @throws BadRequestException for an unknown dataset or a path outside the datasets root
   */
  public synchronized TrainingJob.Snapshot start(
      TrainingKind kind, String dataset, String baseModelId, int steps, long seed, java.util.Map<String, Object> options) {
    if (running != null && running.snapshot().status() == TrainingJob.Status.RUNNING) {
      throw new JobConflictException(running.id());
    }
    if (trainer == null) {
      throw new IllegalStateException("training is not available in this server");
    }
    if (steps < 0 || steps > 1_000_000) {
      throw new BadRequestException("'steps' must be between 0 and 1000000");
    }
    Path data = resolveDataset(dataset);
    String base = baseModelId != null
        ? baseModelId
        : registry.activeInfo().orElseThrow(() -> new BadRequestException("no base model: none is active")).id();
    Path baseDir = registry.directoryOf(base);
    TrainingSpec spec = new TrainingSpec(kind, data, baseDir, steps, seed, options);
    try {
      trainer.check(spec);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage(), e);
    }
    String id = "job-" + counter.incrementAndGet();
    TrainingJob job = new TrainingJob(id, kind, dataset, base);
    jobs.put(id, job);
    running = job;
    Thread.ofPlatform().name("medvqa-training-" + id).daemon().start(() -> run(job, spec));
    return job.snapshot();
  }

  public TrainingJob.Snapshot get(String id) {
    TrainingJob job = jobs.get(id);
    if (job == null) {
      throw new UnknownJobException(id);
    }
    return job.snapshot();
  }

  public List<TrainingJob.Snapshot> list() {
    List<TrainingJob.Snapshot> all = new ArrayList<>();
    jobs.values().forEach(j -> all.add(j.snapshot()));
    all.sort(Comparator.comparing(TrainingJob.Snapshot::started));
    return all;
  }

  /** Asks a running job to stop; a finished job is returned as it is. */
  public TrainingJob.Snapshot cancel(String id) {
    TrainingJob job = jobs.get(id);
    if (job == null) {
      throw new UnknownJobException(id);
    }
    job.cancelRequested = true;
    return job.snapshot();
  }

  private void run(TrainingJob job, TrainingSpec spec) {
    Path scratch = registry.root().resolve("." + job.id() + ".training");
    Path out = scratch.resolve("model");
    try {
      deleteTree(scratch);
      Files.createDirectories(scratch);
      trainer.train(spec, out, job::progress, () -> job.cancelRequested);
      if (job.cancelRequested) {
        job.finish(TrainingJob.Status.CANCELLED, null, null);
      } else {
        ModelEntry entry = registry.install(out, spec.kind().name().toLowerCase());
        job.finish(TrainingJob.Status.SUCCEEDED, entry.id(), null);
      }
    } catch (Exception | Error e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      job.finish(
          job.cancelRequested ? TrainingJob.Status.CANCELLED : TrainingJob.Status.FAILED,
          null,
          job.cancelRequested ? null : message);
    } finally {
      deleteTree(scratch);
      synchronized (this) {
        if (running == job) {
          running = null;
        }
      }
    }
  }

  private Path resolveDataset(String name) {
    if (name == null || name.isBlank()) {
      throw new BadRequestException("'dataset' is required (a folder name under the datasets root)");
    }
    Path p = datasetsRoot.resolve(name).toAbsolutePath().normalize();
    if (!p.startsWith(datasetsRoot) || p.equals(datasetsRoot)) {
      throw new BadRequestException("'dataset' must name a folder inside the datasets root");
    }
    if (!Files.isDirectory(p)) {
      throw new BadRequestException("no dataset folder '" + name + "'");
    }
    return p;
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort: a leftover scratch folder is removed on the next run
        }
      });
    } catch (IOException ignored) {
      // same
    }
  }
}
