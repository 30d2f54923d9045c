package org.medvqa.plugin.service;

import java.util.List;
import org.medvqa.plugin.model.ModelInfo;

/**
 * The answer to one question, as JSON returns it.
 *
 * @param concepts terminology concepts in the answer (spans into {@code answer})
 * @param reasoningConcepts the same for {@code reasoning}
 * @param slice index of the slice the model looked at, of {@code sliceCount}
 * @param srInstanceUid SOP Instance UID of the SR stored back, when one was asked for
 */
public record AskResult(
    String answer,
    String reasoning,
    List<FoundConcept> concepts,
    List<FoundConcept> reasoningConcepts,
    ModelInfo model,
    Timings timings,
    int slice,
    int sliceCount,
    boolean wellFormed,
    String srInstanceUid) {

  /** Milliseconds spent in each stage. */
  public record Timings(long fetchMs, long decodeMs, long queueMs, long inferenceMs, int batchSize, long totalMs) {}

  AskResult withSr(String uid) {
    return new AskResult(
        answer, reasoning, concepts, reasoningConcepts, model, timings, slice, sliceCount, wellFormed, uid);
  }
}
