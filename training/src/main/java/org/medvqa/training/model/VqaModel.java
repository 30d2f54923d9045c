package org.medvqa.training.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

/**
 * The facade: a vision encoder whose N patch embeddings prefix a causal text decoder.
 *
 * <p>Sequence layout: {@code [N image positions | <bos> question | completion <eos>]}. The image
 * prefix attends to itself bidirectionally; text attends causally to the prefix and earlier text.
 * Each distinct image (by instance) is encoded once per call, and its prefix keys/values are shared by
 * every prompt on it, so G samples of a GRPO group, or several questions, pay for the image once.
 * With {@code detector_channels > 0}, every text embedding also reads the image's pooled convolutional
 * detector through a question-dependent gate ({@link DetectorFusion}), computed once per image too.
 *
 * <p>Thread safety: one call at a time (the PyTorch engine allows one gradient collector at a time).
 */
public final class VqaModel implements AutoCloseable {
  private static final float MASKED = -1e9f;

  private final ModelConfig config;
  private final BpeTokenizer tokenizer;
  private final ImagePreprocessor preprocessor;
  private final NDManager manager;
  private final VqaNetwork network;
  private final DirectParameterStore store = new DirectParameterStore();
  private final Map<String, Parameter> parameters;
  private ScriptedDecoding scripted;
  private boolean scriptUnavailable; // libtorch could not compile the step: decode on the blocks, do not retry

  private VqaModel(ModelConfig config, BpeTokenizer tokenizer, ImagePreprocessor preprocessor, Device device, long seed) {
    if (config.vocabSize() != tokenizer.vocabSize()) {
      throw new IllegalArgumentException(
          "model vocabulary " + config.vocabSize() + " does not match the tokenizer's " + tokenizer.vocabSize());
    }
    this.config = config;
    this.tokenizer = tokenizer;
    this.preprocessor = preprocessor;
    this.manager = NDManager.newBaseManager(device);
    this.network = new VqaNetwork(config);
    Engine.getInstance().setRandomSeed((int) seed);
    network.setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
    network.initialize(manager, DataType.FLOAT32, new Shape(1, config.width()));
    this.parameters = network.namedParameters();
  }

  /** A freshly initialised model (weights N(0, 0.02), biases 0, norms 1) on the default device. */
  public static VqaModel create(ModelConfig config, BpeTokenizer tokenizer, ImagePreprocessor preprocessor, long seed) {
    return new VqaModel(config.withVocabSize(tokenizer.vocabSize()), tokenizer, preprocessor, Devices.preferred(), seed);
  }

  /** Loads a model directory written by {@link #save}; a missing or corrupt one is a {@link ModelDirectoryException}. */
  public static VqaModel load(Path dir) {
    return Checkpoint.load(dir);
  }

  /** Writes the model directory atomically (temporary sibling, then rename). */
  public void save(Path dir, Provenance provenance) {
    Checkpoint.save(this, dir, provenance);
  }

  static VqaModel assemble(ModelConfig config, BpeTokenizer tokenizer, ImagePreprocessor preprocessor, Map<String, float[]> weights) {
    VqaModel model = new VqaModel(config, tokenizer, preprocessor, Devices.preferred(), 0);
    model.loadWeights(weights);
    return model;
  }

  /** A deep copy with its own parameters (e.g. GRPO's frozen reference model). */
  public VqaModel copy() {
    return assemble(config, tokenizer, preprocessor, weights());
  }

  public ModelConfig config() {
    return config;
  }

  public BpeTokenizer tokenizer() {
    return tokenizer;
  }

  public ImagePreprocessor preprocessor() {
    return preprocessor;
  }

  public Device device() {
    return manager.getDevice();
  }

  /** Trainable parameters by checkpoint name; their arrays carry gradients inside a gradient collector. */
  public Map<String, Parameter> parameters() {
    return parameters;
  }

  public long parameterCount() {
    return parameters.values().stream().mapToLong(p -> p.getArray().size()).sum();
  }

  /** All parameter values, copied to Java arrays. */
  public Map<String, float[]> weights() {
    Map<String, float[]> out = new java.util.LinkedHashMap<>();
    parameters.forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
    return out;
  }

  /** Overwrites every parameter in place; names and sizes must match exactly. */
  public void loadWeights(Map<String, float[]> weights) {
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      float[] values = weights.get(e.getKey());
      NDArray array = e.getValue().getArray();
      if (values == null || values.length != array.size()) {
        throw new IllegalArgumentException("weights for " + e.getKey() + (values == null ? " are missing"
            : " have " + values.length + " values, expected " + array.size() + " " + array.getShape()));
      }
      array.set(values);
    }
    if (weights.size() != parameters.size()) {
      List<String> extra = new ArrayList<>(weights.keySet());
      extra.removeAll(parameters.keySet());
      throw new IllegalArgumentException("unknown weights: " + extra);
    }
  }

  /** {@code <bos>} + the question's tokens. */
  public int[] promptIds(String question) {
    int[] q = tokenizer.encode(question.strip());
    int[] ids = new int[q.length + 1];
    ids[0] = BpeTokenizer.BOS_ID;
    System.arraycopy(q, 0, ids, 1, q.length);
    return ids;
  }

  /** The completion's tokens + {@code <eos>}: what SFT teaches and what generation stops on. */
  public int[] completionIds(String completion) {
    int[] c = tokenizer.encode(completion);
    int[] ids = Arrays.copyOf(c, c.length + 1);
    ids[c.length] = BpeTokenizer.EOS_ID;
    return ids;
  }

  // ---------------------------------------------------------------------------------------------
  // Image prefix

  /** Distinct images of the prompts, in first-seen order, and each prompt's row among them. */
  private record ImageRows(List<ModelImage> images, long[] rowOfPrompt) {
    static ImageRows of(List<VqaPrompt> prompts) {
      Map<ModelImage, Integer> seen = new IdentityHashMap<>();
      List<ModelImage> images = new ArrayList<>();
      long[] rows = new long[prompts.size()];
      for (int i = 0; i < prompts.size(); i++) {
        ModelImage image = prompts.get(i).image();
        Integer row = seen.get(image);
        if (row == null) {
          row = images.size();
          seen.put(image, row);
          images.add(image);
        }
        rows[i] = row;
      }
      return new ImageRows(images, rows);
    }
  }

  /** Encodes each distinct image once and runs the decoder over its prefix; returns the cache per prompt row. */
  private KvCache imagePrefix(NDManager m, ImageRows rows, boolean training) {
    int u = rows.images().size();
    int s = config.imageSize();
    int perImage = config.channels() * s * s;
    float[] pixels = new float[u * perImage];
    for (int i = 0; i < u; i++) {
      preprocessor.standardise(rows.images().get(i), pixels, i * perImage);
    }
    NDArray images = m.create(pixels, new Shape(u, config.channels(), s, s));
    NDArray prefix = network.encoder.encode(store, images, training); // (U, N, D)
    int n = config.numPatches();
    long[] positions = new long[u * n];
    for (int i = 0; i < u; i++) {
      for (int j = 0; j < n; j++) {
        positions[i * n + j] = j;
      }
    }
    prefix = network.decoder.addPositions(store, prefix, m.create(positions, new Shape(u, n)), training);
    KvCache cache = new KvCache(network.decoder.numLayers());
    network.decoder.forward(store, prefix, null, cache, training); // bidirectional within the image
    if (network.fusion != null) {
      cache.setDetected(network.fusion.detect(store, images, training));
    }
    boolean identity = u == rows.rowOfPrompt().length;
    for (int i = 0; identity && i < u; i++) {
      identity = rows.rowOfPrompt()[i] == i;
    }
    return identity ? cache : cache.gather(m.create(rows.rowOfPrompt()));
  }

  /** Token + position embeddings (B, T, D) of text positions, fused with each row's detector read-out. */
  private NDArray embedText(NDManager m, KvCache cache, long[] tokens, long[] positions, int b, int t, boolean training) {
    NDArray x = network.decoder.embedTokens(store, m.create(tokens, new Shape(b, t)), training);
    x = network.decoder.addPositions(store, x, m.create(positions, new Shape(b, t)), training);
    return network.fusion == null ? x : network.fusion.fuse(store, x, cache.detected(), training);
  }

  // ---------------------------------------------------------------------------------------------
  // Log-probabilities of given completions (teacher forcing)

  /**
   * Log-probabilities of each completion token given the image, the prompt and the earlier completion
   * tokens. Arrays live in {@code m}; inside a gradient collector they carry gradients to the parameters.
   * Rows are right-padded: {@code [prefix | prompt completion pad...]}.
   */
  public TokenLogProbs logProbs(NDManager m, List<VqaPrompt> prompts, List<int[]> completions, boolean training) {
    Teacher t = teacherForced(m, prompts, completions, training);
    NDArray logp = t.logits().logSoftmax(2);
    long b = prompts.size();
    long c = t.target().getShape().get(1);
    NDArray tokenLogp = logp.gather(t.target().reshape(b, c, 1), 2).reshape(b, c);
    NDArray entropy = logp.exp().mul(logp).sum(new int[] {2}).neg();
    return new TokenLogProbs(tokenLogp.mul(t.mask()), t.mask(), entropy.mul(t.mask()));
  }

  /**
   * The logits (B, C, V) that predict each completion token (padding rows hold whatever the last
   * position predicts; see {@link TokenLogProbs#mask()}). The PyTorch parity peer checks these.
   */
  public NDArray completionLogits(NDManager m, List<VqaPrompt> prompts, List<int[]> completions) {
    return teacherForced(m, prompts, completions, false).logits();
  }

  private record Teacher(NDArray logits, NDArray target, NDArray mask) {}

  private Teacher teacherForced(NDManager m, List<VqaPrompt> prompts, List<int[]> completions, boolean training) {
    if (prompts.size() != completions.size() || prompts.isEmpty()) {
      throw new IllegalArgumentException("one completion per prompt, at least one prompt");
    }
    int b = prompts.size();
    int n = config.numPatches();
    int[][] prompt = new int[b][];
    int t = 0;
    int c = 0;
    for (int i = 0; i < b; i++) {
      prompt[i] = promptIds(prompts.get(i).question());
      int len = prompt[i].length + completions.get(i).length;
      if (len > config.maxTextTokens()) {
        throw new IllegalArgumentException("prompt + completion of " + len + " tokens exceeds the model's "
            + config.maxTextTokens());
      }
      t = Math.max(t, len);
      c = Math.max(c, completions.get(i).length);
    }
    long[] tokens = new long[b * t];
    long[] positions = new long[b * t];
    float[] bias = new float[b * t * (n + t)];
    long[] source = new long[b * c]; // sequence index whose output predicts completion token i
    long[] target = new long[b * c];
    float[] mask = new float[b * c];
    for (int i = 0; i < b; i++) {
      int[] comp = completions.get(i);
      int len = prompt[i].length + comp.length;
      for (int j = 0; j < t; j++) {
        tokens[i * t + j] = j < prompt[i].length ? prompt[i][j] : j < len ? comp[j - prompt[i].length] : BpeTokenizer.PAD_ID;
        positions[i * t + j] = n + Math.min(j, len - 1);
        for (int k = n; k < n + t; k++) {
          boolean visible = k - n < len && k - n <= j;
          if (!visible) {
            bias[(i * t + j) * (n + t) + k] = MASKED;
          }
        }
      }
      for (int k = 0; k < c; k++) {
        boolean real = k < comp.length;
        source[i * c + k] = real ? prompt[i].length - 1 + k : 0;
        target[i * c + k] = real ? comp[k] : 0;
        mask[i * c + k] = real ? 1f : 0f;
      }
    }
    KvCache cache = imagePrefix(m, ImageRows.of(prompts), training);
    NDArray x = embedText(m, cache, tokens, positions, b, t, training);
    NDArray hidden = network.decoder.forward(store, x, m.create(bias, new Shape(b, 1, t, n + t)), cache, training);
    long d = config.width();
    NDArray at = m.create(source, new Shape(b, c, 1)).broadcast(b, c, d);
    NDArray logits = network.decoder.logits(store, hidden.gather(at, 1), training); // (B, C, V)
    return new Teacher(logits, m.create(target, new Shape(b, c)), m.create(mask, new Shape(b, c)));
  }

  // ---------------------------------------------------------------------------------------------
  // Generation with a KV cache

  /** Generates one completion per prompt (see {@link TextGenerator}). */
  public List<Completion> generate(List<VqaPrompt> prompts, GenerationOptions options) {
    return generate(prompts, options, Decoder.fromSystemProperty());
  }

  List<Completion> generate(List<VqaPrompt> prompts, GenerationOptions options, Decoder decoder) {
    return new TextGenerator(this, options, decoder).run(prompts);
  }

  /** What runs generation's decoder steps; the image prefix and teacher forcing always run on the DJL blocks. */
  enum Decoder {
    /** One TorchScript call per step ({@link ScriptedDecoding}); the blocks when libtorch cannot compile it. */
    SCRIPTED,
    /** Every step on the DJL blocks: the reference. */
    BLOCKS;

    /** {@code -Dmedvqa.decoder=blocks|scripted}, scripted when unset. */
    static Decoder fromSystemProperty() {
      return "blocks".equalsIgnoreCase(System.getProperty("medvqa.decoder")) ? BLOCKS : SCRIPTED;
    }
  }

  /** The decoder steps of one generation over {@code cache}, reserved (see {@link Decoder}). */
  DecodingSteps decoding(NDManager run, KvCache cache, Decoder decoder) {
    ScriptedDecoding compiled = decoder == Decoder.SCRIPTED ? scripted() : null;
    if (compiled != null) {
      return compiled.start(run, config, parameters, cache);
    }
    return (m, tokens, positions, bias, b, t) -> blockStep(m, cache, tokens, positions, bias, b, t);
  }

  private synchronized ScriptedDecoding scripted() {
    if (scripted == null && !scriptUnavailable) {
      try {
        scripted = ScriptedDecoding.load(manager);
      } catch (RuntimeException e) {
        scriptUnavailable = true;
        System.getLogger(VqaModel.class.getName()).log(System.Logger.Level.WARNING,
            "decoding on DJL blocks: the TorchScript step did not compile: " + e.getMessage());
      }
    }
    return scripted;
  }

  /** One decoding step on the DJL blocks; {@code bias} (B, 1, T, keys) flattened, or null when no key is masked. */
  private NDArray blockStep(NDManager m, KvCache cache, long[] tokens, long[] positions, float[] bias, int b, int t) {
    NDArray x = embedText(m, cache, tokens, positions, b, t, false);
    NDArray mask = bias == null ? null : m.create(bias, new Shape(b, 1, t, bias.length / ((long) b * t)));
    NDArray hidden = network.decoder.forward(store, x, mask, cache, false);
    NDArray last = t == 1 ? hidden : hidden.get(":, -1:, :");
    return network.decoder.logits(store, last, false).logSoftmax(2); // (B, 1, V): read row-major as B x V
  }

  KvCache prefixFor(NDManager m, List<VqaPrompt> prompts) {
    return imagePrefix(m, ImageRows.of(prompts), false);
  }

  NDManager manager() {
    return manager;
  }

  /** A manager on the model's device for one step's arrays; close it when the step is done. */
  public NDManager newManager() {
    return manager.newSubManager();
  }

  @Override
  public void close() {
    if (scripted != null) {
      scripted.close();
    }
    manager.close();
  }
}
