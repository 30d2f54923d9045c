/**
 * Supervised fine-tuning: teaches the {@code <think>...</think><answer>...</answer>} format with
 * reference reasoning. AdamW (DJL's fused engine update), image-grouped batches so each image's prefix
 * is computed once per step, JSONL metrics, a loss plot, and checkpoints that resume exactly.
 */
package org.medvqa.training.sft;
