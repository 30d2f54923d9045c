package org.medvqa.plugin.rest;

import java.util.Map;
import org.medvqa.plugin.jobs.TrainingKind;

/**
 * The JSON body of {@code POST /api/v1/training-jobs}.
 *
 * @param dataset folder name under the server's datasets root
 * @param baseModel registry id to start from (default: the active model)
 * @param steps optimiser steps (0 or absent: the recipe's default)
 * @param options recipe settings by their config names (GRPO: TRL's names, e.g. {@code num_generations})
 */
public record TrainingJobRequest(
    TrainingKind kind, String dataset, String baseModel, Integer steps, Long seed, Map<String, Object> options) {}
