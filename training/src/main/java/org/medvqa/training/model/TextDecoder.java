package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Causal transformer decoder over [image prefix | text]. Inputs are embeddings (B, T, D) plus explicit
 * position ids (B, T), so left-padded batches and cached steps see the same positions as a lone prompt.
 * The output head is tied to the token embedding: logits = LN(h) E^T, (B, T, V).
 */
final class TextDecoder extends AbstractBlock {
  private final ModelConfig config;
  private final Parameter tokenEmbedding;
  private final Parameter position;
  private final List<TransformerLayer> layers = new ArrayList<>();
  private final LayerNorm norm;

  TextDecoder(ModelConfig config) {
    this.config = config;
    tokenEmbedding = addParameter(Parameter.builder().setName("token_embedding").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(config.vocabSize(), config.width())).build());
    position = addParameter(Parameter.builder().setName("position").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(config.maxPositions(), config.width())).build());
    for (int i = 0; i < config.decoderLayers(); i++) {
      layers.add(addChildBlock("layer" + i, new TransformerLayer(config.width(), config.heads(), config.mlpRatio())));
    }
    norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
  }

  int numLayers() {
    return layers.size();
  }

  /** Token ids (B, T) int64 to embeddings (B, T, D). */
  NDArray embedTokens(ParameterStore ps, NDArray tokenIds, boolean training) {
    return lookup(tokenIds, ps.getValue(tokenEmbedding, tokenIds.getDevice(), training));
  }

  /** Adds the position embedding of explicit positions (B, T) int64 to embeddings (B, T, D). */
  NDArray addPositions(ParameterStore ps, NDArray embeddings, NDArray positions, boolean training) {
    return embeddings.add(lookup(positions, ps.getValue(position, positions.getDevice(), training)));
  }

  private static NDArray lookup(NDArray ids, NDArray table) {
    return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
  }

  /**
   * Runs the layers. {@code cache} holds each layer's past keys/values (or is empty) and gains these T
   * positions. Returns the final hidden states (B, T, D), normalised.
   */
  NDArray forward(ParameterStore ps, NDArray x, NDArray bias, KvCache cache, boolean training) {
    long t = x.getShape().get(1); // read on the input, whose shape the first layer reads too
    for (int i = 0; i < layers.size(); i++) {
      x = layers.get(i).forward(ps, x, bias, cache.layer(i), training);
    }
    cache.advance(t);
    return norm.forward(ps, new NDList(x), training).singletonOrThrow();
  }

  /** Tied output head: (B, T, D) to logits (B, T, V). */
  NDArray logits(ParameterStore ps, NDArray hidden, boolean training) {
    return Linear.linear(hidden, ps.getValue(tokenEmbedding, hidden.getDevice(), training)).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException("use VqaModel: the decoder needs positions, masks and a cache");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.vocabSize())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape row = new Shape(1, config.width());
    for (TransformerLayer layer : layers) {
      layer.initialize(manager, dataType, row);
    }
    norm.initialize(manager, dataType, new Shape(1, 1, config.width()));
  }

  void collectParameters(String prefix, Map<String, Parameter> out) {
    out.put(prefix + "token_embedding", tokenEmbedding);
    out.put(prefix + "position", position);
    for (int i = 0; i < layers.size(); i++) {
      layers.get(i).collectParameters(prefix + "layers." + i + ".", out);
    }
    Blocks.collect(prefix + "norm.", norm, out);
  }
}
