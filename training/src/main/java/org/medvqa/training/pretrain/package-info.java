/**
 * The {@code base} initialisation of the paper's first factor: a model pretrained on image-report text
 * only (PhantomVQA's {@code reports.jsonl}), which has never seen a question, an answer or the
 * think/answer format.
 */
package org.medvqa.training.pretrain;
