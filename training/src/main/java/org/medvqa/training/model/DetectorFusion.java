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
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pooled convolutional detector that every text position reads through a question-dependent gate:
 * <pre>
 *   d = W_image maxpool_{h,w}(cnn(image))           (U, D)   once per image
 *   e = e + W_out((W_question e) * d)                (B, T, D) each text embedding, * elementwise
 * </pre>
 * {@code cnn} is four 3x3 convolutions with GELU (F/4, F/4, F/2, F channels; strides 1, 2, 2, 2).
 *
 * <p>Why: the decoder otherwise sees a small lesion only by learning where to attend among the patch
 * tokens, and attention learns where to look only once what it reads is informative, a slow start that
 * cost the SFT run most of its budget (training/RESULTS.md, "Where the visual signal stalls"). A max over
 * positions finds a lesion wherever it lies, and the elementwise product (low-rank bilinear pooling,
 * Kim et al., "Hadamard product for low-rank bilinear pooling", ICLR 2017) lets the question choose which
 * detectors matter without first learning to attend.
 */
final class DetectorFusion extends AbstractBlock {
  private final ModelConfig config;
  private final List<Conv2d> detector = new ArrayList<>();
  private final Linear image;
  private final Linear question;
  private final Linear out;

  DetectorFusion(ModelConfig config) {
    this.config = config;
    int f = config.detectorChannels();
    int[] channels = {f / 4, f / 4, f / 2, f};
    for (int i = 0; i < channels.length; i++) {
      int stride = i == 0 ? 1 : 2;
      detector.add(addChildBlock("detector" + i, Conv2d.builder().setKernelShape(new Shape(3, 3))
          .optPadding(new Shape(1, 1)).optStride(new Shape(stride, stride)).setFilters(channels[i]).build()));
    }
    image = addChildBlock("image", Linear.builder().setUnits(config.width()).build());
    question = addChildBlock("question", Linear.builder().setUnits(config.width()).build());
    out = addChildBlock("out", Linear.builder().setUnits(config.width()).build());
  }

  /** Standardised images (U, C, S, S) to their detector read-out d (U, 1, D), ready to broadcast over text. */
  NDArray detect(ParameterStore ps, NDArray images, boolean training) {
    NDArray x = images;
    for (Conv2d conv : detector) {
      x = Activation.gelu(conv.forward(ps, new NDList(x), training).singletonOrThrow());
    }
    Shape shape = x.getShape();
    NDArray pooled = x.reshape(shape.get(0), 1, shape.get(1), -1).max(new int[] {3}); // (U, 1, F)
    return image.forward(ps, new NDList(pooled), training).singletonOrThrow();
  }

  /** Text embeddings (B, T, D) plus the gated read-out of each row's image, {@code detected} (B, 1, D). */
  NDArray fuse(ParameterStore ps, NDArray embeddings, NDArray detected, boolean training) {
    NDArray gate = question.forward(ps, new NDList(embeddings), training).singletonOrThrow();
    NDArray mixed = gate.mul(detected);
    return embeddings.add(out.forward(ps, new NDList(mixed), training).singletonOrThrow());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(detect(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), 1, config.width())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long side = config.imageSize();
    long in = config.channels();
    for (Conv2d conv : detector) {
      // He initialisation, as in the encoder's stem: N(0, 0.02) would shrink the signal layer by layer
      conv.setInitializer(new NormalInitializer((float) Math.sqrt(2.0 / (9 * in))), Parameter.Type.WEIGHT);
      Shape input = new Shape(1, in, side, side);
      conv.initialize(manager, dataType, input);
      Shape output = conv.getOutputShapes(new Shape[] {input})[0];
      side = output.get(2);
      in = output.get(1);
    }
    image.initialize(manager, dataType, new Shape(1, in));
    Shape row = new Shape(1, config.width());
    question.initialize(manager, dataType, row);
    out.initialize(manager, dataType, row);
  }

  void collectParameters(String prefix, Map<String, Parameter> named) {
    for (int i = 0; i < detector.size(); i++) {
      Blocks.collect(prefix + "detector." + i + ".", detector.get(i), named);
    }
    Blocks.collect(prefix + "image.", image, named);
    Blocks.collect(prefix + "question.", question, named);
    Blocks.collect(prefix + "out.", out, named);
  }
}
