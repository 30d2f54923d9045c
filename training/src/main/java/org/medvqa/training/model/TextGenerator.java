package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

/**
 * KV-cached batched decoding. Prompts of different lengths are left-padded between the image prefix and
 * the text: {@code [prefix | pad.. <bos> question]}; padded keys are masked and positions skip the
 * padding, so a row sees exactly what it would see alone. The cache is reserved for every position the
 * run can reach; each step feeds one token per row, writes its keys/values in place and frees its other
 * arrays. Sampling happens in Java on the (B, V) log-probabilities: greedy, or temperature + top-p with a
 * seeded generator.
 *
 * <p>Decoding records no gradients on any thread (PyTorch's grad mode is per thread and on by default;
 * DJL turns it off only on the thread that loads the engine), and with up to {@link #ONE_THREAD_ROWS}
 * rows the steps run on one intra-op thread ({@link IntraOpThreads}).
 */
final class TextGenerator {
  private static final float MASKED = -1e9f;
  /** Up to this many rows, one intra-op thread decodes faster than two (measured: 20-25 % at 1-4 rows, even at 16). */
  static final int ONE_THREAD_ROWS = 8;
  private final VqaModel model;
  private final GenerationOptions options;
  private final VqaModel.Decoder decoder;
  private final SplittableRandom random;

  TextGenerator(VqaModel model, GenerationOptions options, VqaModel.Decoder decoder) {
    this.model = model;
    this.options = options;
    this.decoder = decoder;
    this.random = new SplittableRandom(options.seed());
  }

  List<Completion> run(List<VqaPrompt> prompts) {
    if (prompts.isEmpty()) {
      return List.of();
    }
    ModelConfig config = model.config();
    int b = prompts.size();
    int n = config.numPatches();
    int[][] prompt = new int[b][];
    int width = 0;
    for (int i = 0; i < b; i++) {
      prompt[i] = model.promptIds(prompts.get(i).question());
      width = Math.max(width, prompt[i].length);
    }
    if (width >= config.maxTextTokens()) {
      throw new IllegalArgumentException("a question of " + (width - 1) + " tokens leaves no room to answer (limit "
          + config.maxTextTokens() + " tokens)");
    }
    int maxNew = Math.min(options.maxNewTokens(), config.maxTextTokens() - width);

    List<List<Integer>> generated = new ArrayList<>();
    List<List<Float>> logProbs = new ArrayList<>();
    for (int i = 0; i < b; i++) {
      generated.add(new ArrayList<>());
      logProbs.add(new ArrayList<>());
    }
    boolean[] done = new boolean[b];
    FinishReason[] reasons = new FinishReason[b];
    Arrays.fill(reasons, FinishReason.LENGTH);
    // keyVisible[i][k]: may row i attend to cache position k (prefix always; padding never)
    boolean[][] keyVisible = new boolean[b][n + width + maxNew];
    try (NDManager run = model.manager().newSubManager();
        AutogradOff noGradients = AutogradOff.onThisThread();
        DecodingSteps steps = model.decoding(run, reservedPrefix(run, prompts, (long) n + width + maxNew), decoder);
        IntraOpThreads threads = IntraOpThreads.atMost(b <= ONE_THREAD_ROWS ? 1 : Integer.MAX_VALUE)) {
      long[] tokens = new long[b * width];
      long[] positions = new long[b * width];
      for (int i = 0; i < b; i++) {
        int pad = width - prompt[i].length;
        Arrays.fill(keyVisible[i], 0, n, true);
        for (int j = 0; j < width; j++) {
          boolean real = j >= pad;
          tokens[i * width + j] = real ? prompt[i][j - pad] : BpeTokenizer.PAD_ID;
          positions[i * width + j] = n + Math.max(0, j - pad);
          keyVisible[i][n + j] = real;
        }
      }
      float[] logp = step(run, steps, tokens, positions, keyVisible, b, width, n);
      for (int s = 0; s < maxNew; s++) {
        long[] next = new long[b];
        for (int i = 0; i < b; i++) {
          int v = model.config().vocabSize();
          int token = done[i] ? BpeTokenizer.PAD_ID : choose(logp, i * v, v);
          next[i] = token;
          if (!done[i]) {
            generated.get(i).add(token);
            logProbs.get(i).add(logp[i * v + token]);
            if (token == BpeTokenizer.EOS_ID) {
              done[i] = true;
              reasons[i] = FinishReason.STOP;
            }
          }
        }
        if (allDone(done) || s == maxNew - 1) {
          break;
        }
        long[] pos = new long[b];
        for (int i = 0; i < b; i++) {
          pos[i] = n + prompt[i].length + s;
          keyVisible[i][n + width + s] = true;
        }
        logp = step(run, steps, next, pos, keyVisible, b, 1, n + width + s);
      }
    }
    List<Completion> out = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      int[] ids = generated.get(i).stream().mapToInt(Integer::intValue).toArray();
      float[] lps = new float[ids.length];
      for (int j = 0; j < lps.length; j++) {
        lps[j] = logProbs.get(i).get(j);
      }
      int textEnd = reasons[i] == FinishReason.STOP ? ids.length - 1 : ids.length;
      String text = model.tokenizer().decode(Arrays.copyOf(ids, textEnd));
      out.add(new Completion(text, ids, lps, reasons[i]));
    }
    return out;
  }

  /** The prompts' image prefix, its cache reserved for {@code capacity} positions. */
  private KvCache reservedPrefix(NDManager run, List<VqaPrompt> prompts, long capacity) {
    KvCache cache = model.prefixFor(run, prompts);
    cache.reserve(capacity);
    return cache;
  }

  /**
   * Runs t new positions per row through the decoder (the cache holds {@code past} positions) and
   * returns the next-token log-probabilities (B x V) as a Java array.
   */
  private float[] step(NDManager run, DecodingSteps steps, long[] tokens, long[] positions, boolean[][] keyVisible,
      int b, int t, int past) {
    int keys = past + t;
    float[] bias = null; // stays null when nothing is masked: one token per row and no padding
    for (int i = 0; i < b; i++) {
      for (int q = 0; q < t; q++) {
        for (int k = 0; k < keys; k++) {
          boolean causal = k <= past + q;
          if (!(causal && keyVisible[i][k])) {
            if (bias == null) {
              bias = new float[b * t * keys];
            }
            bias[(i * t + q) * keys + k] = MASKED;
          }
        }
      }
    }
    try (NDManager step = run.newSubManager()) {
      return steps.step(step, tokens, positions, bias, b, t).toFloatArray();
    }
  }

  private int choose(float[] logp, int offset, int v) {
    if (options.greedy()) {
      int best = 0;
      for (int j = 1; j < v; j++) {
        if (logp[offset + j] > logp[offset + best]) {
          best = j;
        }
      }
      return best;
    }
    return Sampling.sample(logp, offset, v, options.temperature(), options.topP(), random);
  }

  private static boolean allDone(boolean[] done) {
    for (boolean d : done) {
      if (!d) {
        return false;
      }
    }
    return true;
  }
}
