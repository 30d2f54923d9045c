package org.medvqa.plugin.model;

import java.util.Objects;

/** One prompt of a batch: an image and a free-text question about it. */
public record Question(ModelImage image, String text) {
  public Question {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(text, "text");
  }
}
