package org.medvqa.plugin.jobs;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** The port to the training module: runs one recipe and writes a complete model directory. */
@FunctionalInterface
public interface Trainer {

  /**
   * Trains and writes the resulting model into {@code outDir} (which does not exist yet).
   * Checks {@code cancelled} between steps and stops early when it turns true.
   *
   * @throws Exception any failure; the job is marked failed and {@code outDir} discarded
   */
  void train(TrainingSpec spec, Path outDir, TrainingProgress progress, BooleanSupplier cancelled)
      throws Exception;

  /**
   * Refuses a spec this trainer cannot run (unknown option, unsupported kind) before a job starts.
   *
   * @throws IllegalArgumentException with the reason
   */
  default void check(TrainingSpec spec) {}
}
