package org.medvqa.plugin.rest;

import org.medvqa.plugin.jobs.TrainingKind;

/**
 * The JSON body of {@code POST /api/v1/training-jobs}.
 *
 * @param dataset folder name under the server's datasets root
 * @param baseModel registry id to start from (default: the active model)
 * @param steps optimiser steps (0 or absent: the recipe's default)
 */
public record TrainingJobRequest(TrainingKind kind, String dataset, String baseModel, Integer steps, Long seed) {}
