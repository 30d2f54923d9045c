package org.medvqa.plugin.jobs;

import java.nio.file.Path;

/**
 * What to train.
 *
 * @param dataset the dataset folder (already resolved inside the datasets root)
 * @param baseModel the model directory to start from
 * @param steps optimiser steps (0: the recipe's default)
 * @param seed random seed
 */
public record TrainingSpec(TrainingKind kind, Path dataset, Path baseModel, int steps, long seed) {}
