package org.medvqa.training.model;

/**
 * A generated completion: its text (special think/answer tags included, the stop token not), the
 * generated token ids (the stop token included when it was produced), the log-probability of each of
 * those tokens under the model at temperature 1, and why it stopped.
 */
public record Completion(String text, int[] tokenIds, float[] logProbs, FinishReason finishReason) {
  public double sumLogProb() {
    double s = 0;
    for (float lp : logProbs) {
      s += lp;
    }
    return s;
  }
}
