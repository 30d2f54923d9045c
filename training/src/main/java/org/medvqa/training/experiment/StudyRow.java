package org.medvqa.training.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the study table: a variant's name ({@code sft}, {@code grpo_from_base}, ...), its
 * evaluation metrics under the keys of {@code medvqa eval}, and what it cost.
 *
 * @param metrics evaluation keys to values (numbers, or nested objects such as {@code blank_baseline})
 * @param trainSeconds wall-clock seconds of this variant's own training phase
 * @param steps optimiser steps of that phase
 */
public record StudyRow(String name, String description, Map<String, Object> metrics, double trainSeconds, int steps) {
  public StudyRow {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** A numeric metric, or NaN when absent. */
  public double metric(String key) {
    return metrics.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
