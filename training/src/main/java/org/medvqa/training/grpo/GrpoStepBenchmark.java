package org.medvqa.training.grpo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.medvqa.training.model.Completion;
import org.medvqa.training.model.GenerationOptions;
import org.medvqa.training.model.ImagePreprocessor;
import org.medvqa.training.model.ModelConfig;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.Provenance;
import org.medvqa.training.model.TokenLogProbs;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

/**
 * Times one GRPO iteration in DJL: P prompts x G sampled completions of exactly N new tokens
 * (KV-cached, batched, each image encoded once), the frozen reference's log-probs, the policy's
 * log-probs with gradients, the clipped surrogate + k3 KL (loss_type grpo), backward and an AdamW step.
 * The PyTorch peer ({@code training/benchmarks/grpo_step.py}) does the same on the same weights;
 * {@code training/benchmarks/grpo-step} runs both and prints the ratio.
 *
 * <pre>
 *   java ... org.medvqa.training.grpo.GrpoStepBenchmark MODEL_DIR [prompts=8] [generations=8] [tokens=32] [iterations=5]
 * </pre>
 *
 * With {@code --save MODEL_DIR} it first writes a fresh {@code small} model there (the shared weights).
 * Prints one JSON line: seconds per iteration (median) and the rollout / update split.
 */
public final class GrpoStepBenchmark {
  private GrpoStepBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("--save")) {
      ModelConfig config = ModelConfig.small();
      List<String> corpus = List.of("Is there a nodule in the left lung?", "<think>A round opacity.</think><answer>yes</answer>");
      try (VqaModel m = VqaModel.create(config, BpeTokenizer.train(corpus, 768), ImagePreprocessor.identity(config), 1)) {
        m.save(Path.of(args[1]), Provenance.untrained("GRPO benchmark weights"));
      }
      return;
    }
    Path dir = Path.of(args[0]);
    int prompts = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int generations = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int tokens = args.length > 3 ? Integer.parseInt(args[3]) : 32;
    int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no model directory " + dir);
    }
    try (VqaModel policy = VqaModel.load(dir); VqaModel reference = VqaModel.load(dir);
        AdamW adam = AdamW.standard(policy.device())) {
      int size = policy.config().imageSize();
      List<VqaPrompt> rows = new ArrayList<>();
      for (int p = 0; p < prompts; p++) {
        Random r = new Random(p);
        float[] px = new float[size * size];
        for (int i = 0; i < px.length; i++) {
          px[i] = r.nextFloat();
        }
        ModelImage image = new ModelImage(1, size, size, px);
        for (int g = 0; g < generations; g++) {
          rows.add(new VqaPrompt(image, "Is there a nodule in the left lung?"));
        }
      }
      double[] rollout = new double[iterations + 1];
      double[] update = new double[iterations + 1];
      long generated = 0;
      for (int it = 0; it <= iterations; it++) { // iteration 0 warms up
        long t0 = System.nanoTime();
        List<Completion> completions = policy.generate(rows, GenerationOptions.sampling(tokens, 1f, 1f, it));
        long t1 = System.nanoTime();
        List<int[]> ids = completions.stream().map(Completion::tokenIds).toList();
        generated = ids.stream().mapToLong(a -> a.length).sum();
        float[] adv = new float[rows.size()];
        for (int i = 0; i < adv.length; i++) {
          adv[i] = (i % 2 == 0 ? 1f : -1f); // stands in for group advantages; costs nothing in either peer
        }
        try (NDManager m = NDManager.newBaseManager(policy.device())) {
          NDArray ref = reference.logProbs(m, rows, ids, false).logProbs().stopGradient();
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            TokenLogProbs lp = policy.logProbs(m, rows, ids, true);
            var terms = TokenObjective.compute(lp.logProbs(), lp.logProbs().stopGradient(), ref, m.create(adv), 0.2, 0.2, 0.04);
            gc.backward(LossType.GRPO.loss().reduce(terms.loss(), lp.mask(), tokens));
          }
          adam.step(policy.parameters(), 1e-4, 1.0);
        }
        rollout[it] = (t1 - t0) / 1e9;
        update[it] = (System.nanoTime() - t1) / 1e9;
      }
      double r = median(rollout), u = median(update);
      System.out.printf(Locale.ROOT,
          "{\"peer\": \"djl\", \"prompt_tokens\": %d, \"prompts\": %d, \"generations\": %d, \"new_tokens\": %d, \"generated_tokens\": %d, "
              + "\"rollout_s\": %.4f, \"update_s\": %.4f, \"iteration_s\": %.4f}%n",
          policy.promptIds(rows.get(0).question()).length, prompts, generations, tokens, generated, r, u, r + u);
    }
  }

  /** Median over the timed iterations (index 0, the warm-up, left out). */
  private static double median(double[] x) {
    if (x.length < 2) {
      return x[0];
    }
    double[] t = java.util.Arrays.copyOfRange(x, 1, x.length);
    java.util.Arrays.sort(t);
    return t[t.length / 2];
  }
}
