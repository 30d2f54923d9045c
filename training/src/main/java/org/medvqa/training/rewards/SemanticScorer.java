package org.medvqa.training.rewards;

/**
 * Concept-level agreement of an answer with a reference, graded in [0, 1]. The terminology module
 * provides the real one; the reward only needs this one method.
 */
@FunctionalInterface
public interface SemanticScorer {
  double score(String answer, String reference, String question);
}
