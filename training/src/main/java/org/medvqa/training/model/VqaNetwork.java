package org.medvqa.training.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The root DJL block: the vision encoder, the text decoder and (when configured) the detector fusion,
 * with checkpoint names for every parameter.
 */
final class VqaNetwork extends AbstractBlock {
  final VisionEncoder encoder;
  final TextDecoder decoder;
  /** Null when {@code detector_channels} is 0. */
  final DetectorFusion fusion;

  VqaNetwork(ModelConfig config) {
    encoder = addChildBlock("encoder", new VisionEncoder(config));
    decoder = addChildBlock("decoder", new TextDecoder(config));
    fusion = config.detectorChannels() > 0 ? addChildBlock("fusion", new DetectorFusion(config)) : null;
  }

  /** Every parameter under its checkpoint name (e.g. {@code decoder.layers.0.qkv.weight}), in a fixed order. */
  Map<String, Parameter> namedParameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    encoder.collectParameters("encoder.", out);
    decoder.collectParameters("decoder.", out);
    if (fusion != null) {
      fusion.collectParameters("fusion.", out);
    }
    return out;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException("use VqaModel: generation and log-probabilities drive the two halves");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    encoder.initialize(manager, dataType, inputShapes);
    decoder.initialize(manager, dataType, inputShapes);
    if (fusion != null) {
      fusion.initialize(manager, dataType, inputShapes);
    }
  }
}
