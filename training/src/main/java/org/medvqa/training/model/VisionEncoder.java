package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ViT-style encoder: standardised image (B, C, S, S) -> non-overlapping p x p patches (B, N, C p p)
 * -> linear patch embedding + learned position embedding (B, N, D) -> bidirectional transformer layers
 * -> LayerNorm -> linear projection into the decoder's embedding space (B, N, D).
 *
 * <p>With {@code stem_channels = F > 0}, a convolutional stem comes first:
 * {@code gelu(conv3x3(x)) -> gelu(conv3x3 stride 2)} gives (B, F, S/2, S/2), cut into (p/2) x (p/2)
 * patches (B, N, F p p / 4); each token still covers p x p pixels.
 */
final class VisionEncoder extends AbstractBlock {
  private final ModelConfig config;
  private final List<Conv2d> stem = new ArrayList<>();
  private final Linear patchEmbed;
  private final Parameter position;
  private final List<TransformerLayer> layers = new ArrayList<>();
  private final LayerNorm norm;
  private final Linear projection;

  VisionEncoder(ModelConfig config) {
    this.config = config;
    if (config.stemChannels() > 0) {
      for (int i = 0; i < 2; i++) {
        stem.add(addChildBlock("stem" + i, Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
            .optStride(new Shape(i + 1, i + 1)).setFilters(config.stemChannels()).build()));
      }
    }
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
    for (Conv2d conv : stem) {
      images = Activation.gelu(conv.forward(ps, new NDList(images), training).singletonOrThrow());
    }
    if (!stem.isEmpty()) {
      c = config.stemChannels();
      p /= 2;
    }
    NDArray patches = images.reshape(b, c, g, p, g, p).transpose(0, 2, 4, 1, 3, 5)
        .reshape(b, (long) g * g, (long) c * p * p); // (B, N, C p p), row-major over the patch grid
    NDArray x = patchEmbed.forward(ps, new NDList(patches), training).singletonOrThrow()
        .add(ps.getValue(position, patches.getDevice(), training));
    for (TransformerLayer layer : layers) {
      x = layer.forward(ps, x, null, null, training);
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
    long side = config.imageSize();
    long in = config.channels();
    for (Conv2d conv : stem) {
      // He initialisation: the model-wide N(0, 0.02) would shrink the signal through each ReLU-like layer
      conv.setInitializer(new NormalInitializer((float) Math.sqrt(2.0 / (9 * in))), Parameter.Type.WEIGHT);
      conv.initialize(manager, dataType, new Shape(1, in, side, side));
      side = conv.getOutputShapes(new Shape[] {new Shape(1, in, side, side)})[0].get(2);
      in = config.stemChannels();
    }
    patchEmbed.initialize(manager, dataType, new Shape(1, config.patchFeatures()));
    Shape row = new Shape(1, config.width());
    for (TransformerLayer layer : layers) {
      layer.initialize(manager, dataType, row);
    }
    norm.initialize(manager, dataType, new Shape(1, 1, config.width()));
    projection.initialize(manager, dataType, row);
  }

  void collectParameters(String prefix, Map<String, Parameter> out) {
    for (int i = 0; i < stem.size(); i++) {
      Blocks.collect(prefix + "stem." + i + ".", stem.get(i), out);
    }
    Blocks.collect(prefix + "patch_embed.", patchEmbed, out);
    out.put(prefix + "position", position);
    for (int i = 0; i < layers.size(); i++) {
      layers.get(i).collectParameters(prefix + "layers." + i + ".", out);
    }
    Blocks.collect(prefix + "norm.", norm, out);
    Blocks.collect(prefix + "projection.", projection, out);
  }
}
