/**
 * The vision-language model: a ViT-style vision encoder whose outputs prefix a causal transformer
 * decoder, built from DJL blocks on the PyTorch engine; KV-cached generation; log-probabilities of given
 * completions (for GRPO); checkpoints. {@link org.medvqa.training.model.VqaModel} is the facade the rest
 * of medvqa uses.
 */
package org.medvqa.training.model;
