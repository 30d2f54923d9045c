package org.medvqa.training.model;

/**
 * One question about one image. Prompts that share the same {@link ModelImage} instance share the image
 * prefix: it is encoded once and its KV cache reused (several questions, or the G samples of a GRPO group).
 */
public record VqaPrompt(ModelImage image, String question) {
  public VqaPrompt {
    if (image == null || question == null) {
      throw new IllegalArgumentException("a prompt needs an image and a question");
    }
  }
}
