package org.medvqa.training.rewards;

import java.util.Map;

/**
 * All components of one completion's reward (unweighted, by name, in the scorer's order) and their
 * weighted sum.
 */
public record RewardBreakdown(Map<String, Double> components, Map<String, Double> weights, double total) {
  public RewardBreakdown {
    components = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
    weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
  }

  public double component(String name) {
    Double v = components.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no reward component " + name + "; have " + components.keySet());
    }
    return v;
  }
}
