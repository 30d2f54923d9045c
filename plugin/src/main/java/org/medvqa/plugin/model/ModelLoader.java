package org.medvqa.plugin.model;

import java.nio.file.Path;

/** Loads a model directory into an {@link Answerer}; refuses a corrupt or incomplete one. */
@FunctionalInterface
public interface ModelLoader {

  /**
   * @throws InvalidModelException when the directory is not a complete, readable model
   */
  Answerer load(Path modelDir) throws InvalidModelException;
}
