package org.medvqa.training.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * One device, no parameter server: a block reads its parameter's own array, so gradients land on it
 * and in-place optimizer updates are seen at once.
 */
final class DirectParameterStore extends ParameterStore {
  @Override
  public NDArray getValue(Parameter parameter, Device device, boolean training) {
    return parameter == null ? null : parameter.getArray();
  }
}
