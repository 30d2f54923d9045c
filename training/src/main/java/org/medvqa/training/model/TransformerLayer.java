package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * A pre-LayerNorm transformer layer built from DJL blocks:
 * <pre>
 *   x = x + proj(attention(ln1(x)))          q,k,v = split(qkv(ln1(x)))   (B, H, T, D/H) each
 *   x = x + fc2(gelu(fc1(ln2(x))))           attention = softmax(q k^T / sqrt(D/H) + bias) v
 * </pre>
 * {@code bias} (B, 1, T, P+T) is 0 where a query may see a key and -1e9 elsewhere (causal + padding);
 * {@code null} means full attention (the vision encoder). With a cache, this call's keys/values join the
 * P past ones (B, H, P, D/H) there, and attention reads all P+T.
 *
 * <p>The activation is always the first operand of every op, so results live in the caller's
 * NDManager and nothing accumulates in the model's manager.
 */
final class TransformerLayer extends AbstractBlock {
  private final int width;
  private final int heads;
  private final int hidden;
  private final LayerNorm ln1;
  private final Linear qkv;
  private final Linear proj;
  private final LayerNorm ln2;
  private final Linear fc1;
  private final Linear fc2;

  TransformerLayer(int width, int heads, int mlpRatio) {
    this.width = width;
    this.heads = heads;
    this.hidden = mlpRatio * width;
    ln1 = addChildBlock("ln1", LayerNorm.builder().axis(2).build());
    qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * width).build());
    proj = addChildBlock("proj", Linear.builder().setUnits(width).build());
    ln2 = addChildBlock("ln2", LayerNorm.builder().axis(2).build());
    fc1 = addChildBlock("fc1", Linear.builder().setUnits((long) mlpRatio * width).build());
    fc2 = addChildBlock("fc2", Linear.builder().setUnits(width).build());
  }

  /** One layer over x (B, T, D); {@code cache} is this layer's part of the KV cache, or null (no cache). */
  NDArray forward(ParameterStore ps, NDArray x, NDArray bias, KvCache.Layer cache, boolean training) {
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    int hd = width / heads;
    NDArray h = ln1.forward(ps, new NDList(x), training).singletonOrThrow();
    NDList qkvParts = qkv.forward(ps, new NDList(h), training).singletonOrThrow().split(3, 2);
    NDArray q = toHeads(qkvParts.get(0).mul((float) (1.0 / Math.sqrt(hd))), b, t, hd); // scaled here: smaller than the scores
    NDArray k = toHeads(qkvParts.get(1), b, t, hd);
    NDArray v = toHeads(qkvParts.get(2), b, t, hd);
    if (cache != null) {
      NDArray[] all = cache.extend(k, v); // (B, H, P+T, hd) each
      k = all[0];
      v = all[1];
    }
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)); // (B, H, T, P+T)
    if (bias != null) {
      scores = scores.add(bias);
    }
    NDArray context = scores.softmax(3).matMul(v); // (B, H, T, hd)
    NDArray attended = t == 1 ? context.reshape(b, 1, width) : context.transpose(0, 2, 1, 3).reshape(b, t, width);
    x = x.add(proj.forward(ps, new NDList(attended), training).singletonOrThrow());
    NDArray m = ln2.forward(ps, new NDList(x), training).singletonOrThrow();
    m = Activation.gelu(fc1.forward(ps, new NDList(m), training).singletonOrThrow());
    return x.add(fc2.forward(ps, new NDList(m), training).singletonOrThrow());
  }

  /**
   * (B, T, D) to (B, H, T, hd). With one position (a decoding step) the transpose moves only a unit axis,
   * so a reshape alone gives the same layout: one native call fewer per array, and generation is bound
   * by the number of calls, not by arithmetic.
   */
  private NDArray toHeads(NDArray x, long b, long t, int hd) {
    return t == 1 ? x.reshape(b, heads, 1, hd) : x.reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray bias = inputs.size() > 1 ? inputs.get(1) : null;
    return new NDList(forward(ps, inputs.get(0), bias, null, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape row = new Shape(1, width);
    Shape sequence = new Shape(1, 1, width); // LayerNorm normalises axis 2 of (B, T, D)
    ln1.initialize(manager, dataType, sequence);
    qkv.initialize(manager, dataType, row);
    proj.initialize(manager, dataType, row);
    ln2.initialize(manager, dataType, sequence);
    fc1.initialize(manager, dataType, row);
    fc2.initialize(manager, dataType, new Shape(1, hidden));
  }

  void collectParameters(String prefix, Map<String, ai.djl.nn.Parameter> out) {
    Blocks.collect(prefix + "ln1.", ln1, out);
    Blocks.collect(prefix + "qkv.", qkv, out);
    Blocks.collect(prefix + "proj.", proj, out);
    Blocks.collect(prefix + "ln2.", ln2, out);
    Blocks.collect(prefix + "fc1.", fc1, out);
    Blocks.collect(prefix + "fc2.", fc2, out);
  }
}
