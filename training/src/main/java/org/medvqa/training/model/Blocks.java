package org.medvqa.training.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Map;

/** Naming of DJL block parameters in the checkpoint: PyTorch-style dotted names. */
final class Blocks {
  private Blocks() {}

  /** DJL names LayerNorm's scale/shift gamma/beta; the checkpoint uses PyTorch's weight/bias. */
  static void collect(String prefix, Block block, Map<String, Parameter> out) {
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      String name = switch (p.getKey()) {
        case "gamma" -> "weight";
        case "beta" -> "bias";
        default -> p.getKey();
      };
      out.put(prefix + name, p.getValue());
    }
  }
}
