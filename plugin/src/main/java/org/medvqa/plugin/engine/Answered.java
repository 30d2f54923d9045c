package org.medvqa.plugin.engine;

import org.medvqa.plugin.model.ModelInfo;

/**
 * A raw completion with its provenance and timings.
 *
 * @param queuedMillis from submission to the start of its batch
 * @param inferenceMillis the batch's {@code generate} call
 * @param batchSize how many questions shared that call
 */
public record Answered(String completion, ModelInfo model, long queuedMillis, long inferenceMillis, int batchSize) {}
