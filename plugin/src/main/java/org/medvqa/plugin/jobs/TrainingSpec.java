package org.medvqa.plugin.jobs;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to train.
 *
 * @param dataset the dataset folder (already resolved inside the datasets root)
 * @param baseModel the model directory to start from
 * @param steps optimiser steps (0: the recipe's default)
 * @param seed random seed
 * @param options recipe settings by their config names (GRPO: TRL's, e.g. {@code num_generations})
 */
public record TrainingSpec(TrainingKind kind, Path dataset, Path baseModel, int steps, long seed, Map<String, Object> options) {
  public TrainingSpec {
    options = options == null ? Map.of() : Map.copyOf(options);
  }
}
