package org.medvqa.plugin.service;

/** The port to the reward functions: scores an answer against a reference (question optional). */
@FunctionalInterface
public interface AnswerScorer {
  ScoreResult score(String answer, String reference, String question);
}
