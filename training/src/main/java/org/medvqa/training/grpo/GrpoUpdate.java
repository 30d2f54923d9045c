package org.medvqa.training.grpo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvqa.training.model.Completion;
import org.medvqa.training.model.TokenLogProbs;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.VqaPrompt;

/**
 * The policy update for one rollout: {@code num_iterations} optimiser steps on
 *
 * <pre>
 *   loss = reduce_{loss_type}( -min(rho A, clip(rho, 1-eps, 1+eps_high) A) + beta k3 , mask )
 * </pre>
 *
 * with {@code logp_old} the sampling policy's log-probs (for one iteration simply the current ones,
 * detached, so rho = 1 and the gradient is the plain policy gradient) and {@code logp_ref} the frozen
 * reference model's. Returns the step's metrics, namespaced.
 */
public final class GrpoUpdate {
  private GrpoUpdate() {}

  public static Map<String, Double> apply(
      VqaModel policy, VqaModel reference, AdamW optimizer, Rollout rollout, GrpoConfig config) {
    Map<String, Double> metrics = new LinkedHashMap<>(RolloutMetrics.of(rollout));
    List<Integer> rows = rollout.trainingRows(config.dynamicSampling());
    metrics.put("train/rows_used", (double) rows.size());
    if (rows.isEmpty()) {
      metrics.put("train/skipped", 1.0); // every group agreed: no policy-gradient signal this step
      return metrics;
    }
    int b = rows.size();
    List<VqaPrompt> prompts = new ArrayList<>(b);
    List<int[]> ids = new ArrayList<>(b);
    int[] lengths = new int[b];
    boolean[] truncated = new boolean[b];
    float[] advantages = new float[b];
    int c = 1;
    for (int k = 0; k < b; k++) {
      int row = rows.get(k);
      Completion completion = rollout.completions().get(row);
      prompts.add(rollout.promptOf(row));
      ids.add(completion.tokenIds());
      lengths[k] = completion.tokenIds().length;
      truncated[k] = rollout.truncated(row);
      advantages[k] = (float) rollout.advantages()[row];
      c = Math.max(c, lengths[k]);
    }
    try (NDManager m = NDManager.newBaseManager(policy.device())) {
      NDArray mask = CompletionMask.of(m, lengths, truncated, c, config.maskTruncatedCompletions()); // (B, C)
      NDArray adv = m.create(advantages);                                                              // (B)
      NDArray ref = config.beta() == 0 ? null
          : reference.logProbs(m, prompts, ids, false).logProbs().stopGradient();                      // (B, C)
      NDArray old = config.numIterations() == 1 ? null : samplingLogProbs(m, rollout, rows, c);        // (B, C)
      for (int it = 0; it < config.numIterations(); it++) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          TokenLogProbs lp = policy.logProbs(m, prompts, ids, true);
          NDArray logp = lp.logProbs();                                                                 // (B, C)
          TokenObjective.Terms terms = TokenObjective.compute(logp, old == null ? logp.stopGradient() : old,
              ref, adv, config.epsilon(), config.epsilonHigh(), config.beta());
          NDArray loss = config.lossType().loss().reduce(terms.loss(), mask, config.maxCompletionLength());
          collector.backward(loss);
          if (it == 0) {
            metrics.put("objective/loss", (double) loss.getFloat());
            metrics.put("objective/entropy", (double) GrpoLoss.maskedMean(lp.entropy(), mask).getFloat());
            metrics.put("objective/kl", terms.kl() == null ? 0.0 : GrpoLoss.maskedMean(terms.kl(), mask).getFloat());
          }
          double low = GrpoLoss.maskedMean(terms.lowClipped(), mask).getFloat();
          double high = GrpoLoss.maskedMean(terms.highClipped(), mask).getFloat();
          metrics.put("objective/clip_ratio/low", low);
          metrics.put("objective/clip_ratio/high", high);
          metrics.put("objective/clip_ratio", low + high);
        }
        metrics.put("objective/grad_norm", optimizer.step(policy.parameters(), config.learningRate(), config.maxGradNorm()));
      }
    }
    return metrics;
  }

  /** The log-probs recorded while sampling, right-padded with 0 to (B, C). */
  private static NDArray samplingLogProbs(NDManager m, Rollout rollout, List<Integer> rows, int c) {
    float[] old = new float[rows.size() * c];
    for (int k = 0; k < rows.size(); k++) {
      float[] lp = rollout.completions().get(rows.get(k)).logProbs();
      System.arraycopy(lp, 0, old, k * c, lp.length);
    }
    return m.create(old, new Shape(rows.size(), c));
  }
}
