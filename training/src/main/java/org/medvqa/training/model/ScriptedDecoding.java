package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generation's decoder step as one TorchScript call instead of ~80 DJL operations.
 *
 * <p>{@code decode_step.py} (a resource beside this class) is the same step as the DJL blocks of
 * {@link TextDecoder}, {@link TransformerLayer} and {@link DetectorFusion#fuse}, written in TorchScript;
 * libtorch compiles it when the model first generates ({@link TorchScriptArchive}). It reads the model's own
 * parameter arrays, passed by handle at each generation, so a GRPO update is seen by the next rollout, and
 * writes keys and values into the {@link KvCache}'s reserved buffers in place.
 *
 * <p>Why: a decoding step is ~80 small operations, and each costs DJL a JNI call, a Java {@code NDArray}
 * and its registration in a manager; at batch 1 that is about a third of the step (training/RESULTS.md,
 * session 5). The DJL blocks stay the reference: teacher forcing and the image prefix always run on them,
 * {@code -Dmedvqa.decoder=blocks} decodes on them too, and the tests hold the two paths to the same tokens
 * and log-probabilities.
 */
final class ScriptedDecoding implements AutoCloseable {
  private static final String CLASS_NAME = "DecodeStep";
  private static final String[] LAYER_PARAMETERS = {"ln1.weight", "ln1.bias", "qkv.weight", "qkv.bias", "proj.weight",
      "proj.bias", "ln2.weight", "ln2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"};

  private final PtSymbolBlock module;

  private ScriptedDecoding(PtSymbolBlock module) {
    this.module = module;
  }

  /** Compiles the step; its native module belongs to {@code manager}. */
  static ScriptedDecoding load(NDManager manager) {
    try (InputStream archive = new ByteArrayInputStream(TorchScriptArchive.of(CLASS_NAME, source()))) {
      return new ScriptedDecoding(JniUtils.loadModule((PtNDManager) manager, archive, true, false));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String source() throws IOException {
    try (InputStream in = ScriptedDecoding.class.getResourceAsStream("decode_step.py")) {
      if (in == null) {
        throw new IOException("decode_step.py is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The steps of one generation: {@code cache} must be reserved; its arrays and the session's live in {@code run}. */
  DecodingSteps start(NDManager run, ModelConfig config, Map<String, Parameter> parameters, KvCache cache) {
    return new Session(run, config, parameters, cache);
  }

  /** The parameters in the order decode_step.py reads them. */
  static List<NDArray> stepWeights(ModelConfig config, Map<String, Parameter> parameters) {
    List<String> names = new ArrayList<>(List.of("decoder.token_embedding", "decoder.position", "decoder.norm.weight",
        "decoder.norm.bias"));
    for (int i = 0; i < config.decoderLayers(); i++) {
      for (String p : LAYER_PARAMETERS) {
        names.add("decoder.layers." + i + "." + p);
      }
    }
    if (config.detectorChannels() > 0) {
      names.addAll(List.of("fusion.question.weight", "fusion.question.bias", "fusion.out.weight", "fusion.out.bias"));
    }
    return names.stream().map(n -> parameters.get(n).getArray()).toList();
  }

  private final class Session implements DecodingSteps {
    private final KvCache cache;
    private final List<IValue> shared = new ArrayList<>(); // per generation: freed on close
    private final IValue weights;
    private final IValue keys;
    private final IValue values;
    private final IValue detected;
    private final IValue noBias;
    private final IValue heads;
    private final IValue scale;

    Session(NDManager run, ModelConfig config, Map<String, Parameter> parameters, KvCache cache) {
      this.cache = cache;
      PtNDArray nothing = (PtNDArray) run.create(new float[0]);
      weights = keep(IValue.listFrom(stepWeights(config, parameters).toArray(PtNDArray[]::new)));
      PtNDArray[] k = new PtNDArray[cache.layers()];
      PtNDArray[] v = new PtNDArray[cache.layers()];
      for (int i = 0; i < k.length; i++) {
        k[i] = (PtNDArray) cache.keyBuffer(i);
        v[i] = (PtNDArray) cache.valueBuffer(i);
      }
      keys = keep(IValue.listFrom(k));
      values = keep(IValue.listFrom(v));
      detected = keep(IValue.from(cache.detected() == null ? nothing : (PtNDArray) cache.detected()));
      noBias = keep(IValue.from(nothing));
      heads = keep(IValue.from((long) config.heads()));
      scale = keep(IValue.from(1.0 / Math.sqrt(config.headDim())));
    }

    private IValue keep(IValue v) {
      shared.add(v);
      return v;
    }

    @Override
    public NDArray step(NDManager m, long[] tokens, long[] positions, float[] bias, int b, int t) {
      long past = cache.length();
      try (IValue tokenIds = IValue.from((PtNDArray) m.create(tokens, new Shape(b, t)));
          IValue positionIds = IValue.from((PtNDArray) m.create(positions, new Shape(b, t)));
          IValue mask = bias == null ? null : IValue.from((PtNDArray) m.create(bias, new Shape(b, 1, t, past + t)));
          IValue pastLength = IValue.from(past);
          IValue out = module.forward(weights, tokenIds, positionIds, mask == null ? noBias : mask, detected, keys, values,
              pastLength, heads, scale)) {
        cache.advance(t);
        return out.toTensor((PtNDManager) m);
      }
    }

    @Override
    public void close() {
      shared.forEach(IValue::close);
    }
  }

  @Override
  public void close() {
    module.close();
  }
}
