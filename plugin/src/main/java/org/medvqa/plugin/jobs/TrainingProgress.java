package org.medvqa.plugin.jobs;

import java.util.Map;

/** Where a trainer reports each step; metrics are namespaced like {@code losses/policy}. */
@FunctionalInterface
public interface TrainingProgress {
  void step(int step, int totalSteps, Map<String, Double> metrics);
}
