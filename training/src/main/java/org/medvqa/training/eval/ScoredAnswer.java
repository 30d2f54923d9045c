package org.medvqa.training.eval;

import org.medvqa.training.data.VqaExample;

/**
 * One evaluated question.
 *
 * @param correct right by its question type (open questions: semantic when a scorer is present, else exact)
 * @param exact open questions: normalised exact match with the answer or a paraphrase
 * @param semantic open questions: semantic-alignment score in [0, 1], or NaN without a scorer
 * @param tokens generated tokens (the completion length)
 */
public record ScoredAnswer(VqaExample example, String completion, String answer, boolean correct, boolean exact,
    double semantic, int tokens) {}
