package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;

/**
 * Per-token results for given completions, all (B, C) with C the longest completion:
 * {@code logProbs} log p(token | prefix) (differentiable when computed inside a gradient collector),
 * {@code mask} 1 for real completion tokens and 0 for padding, {@code entropy} of each next-token
 * distribution (no gradient needed, but not detached).
 */
public record TokenLogProbs(NDArray logProbs, NDArray mask, NDArray entropy) {}
