/**
 * Evaluation: greedy answers for a dataset split, scored by question type (the same matching the GRPO
 * accuracy reward uses), the bias metrics (yes-rate against the true yes-rate, balanced accuracy), a
 * blank-image baseline, per-modality and per-organ breakdowns, and a Markdown report with plots.
 */
package org.medvqa.training.eval;
