package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
 * ViT-style encoder: standardised image (B, C, S, S) -> non-overlapping p x p patches (B, N, C p p)
 * -> linear patch embedding + learned position embedding (B, N, D) -> bidirectional transformer layers
 * -> LayerNorm -> linear projection into the decoder's embedding space (B, N, D).
 */
final class VisionEncoder extends AbstractBlock {
  private final ModelConfig config;
  private final Linear patchEmbed;
  private final Parameter position;
  private final List<TransformerLayer> layers = new ArrayList<>();
  private final LayerNorm norm;
  private final Linear projection;

  VisionEncoder(ModelConfig config) {
    this.config = config;
    patchEmbed = addChildBlock("patch_embed", Linear.builder().setUnits(config.width()).build());
    position = addParameter(Parameter.builder().setName("position").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(config.numPatches(), config.width())).build());
    for (int i = 0; i < config.encoderLayers(); i++) {
      layers.add(addChildBlock("layer" + i, new TransformerLayer(config.width(), config.heads(), config.mlpRatio())));
    }
    norm = addChildBlock("norm", LayerNorm.builder().axis(2).build());
    projection = addChildBlock("projection", Linear.builder().setUnits(config.width()).build());
  }

  /** (B, C, S, S) standardised pixels to (B, N, D) prefix embeddings. */
  NDArray encode(ParameterStore ps, NDArray images, boolean training) {
    long b = images.getShape().get(0);
    int c = config.channels();
    int p = config.patchSize();
    int g = config.imageSize() / p;
    NDArray patches = images.reshape(b, c, g, p, g, p).transpose(0, 2, 4, 1, 3, 5)
        .reshape(b, (long) g * g, (long) c * p * p); // (B, N, C p p), row-major over the patch grid
    NDArray x = patchEmbed.forward(ps, new NDList(patches), training).singletonOrThrow()
        .add(ps.getValue(position, patches.getDevice(), training));
    for (TransformerLayer layer : layers) {
      x = layer.forward(ps, x, null, null, null, training).hidden();
    }
    x = norm.forward(ps, new NDList(x), training).singletonOrThrow();
    return projection.forward(ps, new NDList(x), training).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(encode(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), config.numPatches(), config.width())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    int p = config.patchSize();
    patchEmbed.initialize(manager, dataType, new Shape(1, (long) config.channels() * p * p));
    Shape row = new Shape(1, config.width());
    for (TransformerLayer layer : layers) {
      layer.initialize(manager, dataType, row);
    }
    norm.initialize(manager, dataType, new Shape(1, 1, config.width()));
    projection.initialize(manager, dataType, row);
  }

  void collectParameters(String prefix, Map<String, Parameter> out) {
    Blocks.collect(prefix + "patch_embed.", patchEmbed, out);
    out.put(prefix + "position", position);
    for (int i = 0; i < layers.size(); i++) {
      layers.get(i).collectParameters(prefix + "layers." + i + ".", out);
    }
    Blocks.collect(prefix + "norm.", norm, out);
    Blocks.collect(prefix + "projection.", projection, out);
  }
}
