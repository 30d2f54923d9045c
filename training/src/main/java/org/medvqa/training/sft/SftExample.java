package org.medvqa.training.sft;

import org.medvqa.training.model.ModelImage;

/**
 * One supervised example: a question about an image and the target completion
 * ({@code <think>reasoning</think><answer>answer</answer>}). Examples on the same image should share
 * the {@link ModelImage} instance and {@code imageId}: they are batched together and the image is
 * encoded once.
 */
public record SftExample(String imageId, ModelImage image, String question, String target) {}
