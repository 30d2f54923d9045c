package org.medvqa.training.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * No autograd recording on the calling thread for a scope; the previous mode is restored on close.
 *
 * <p>PyTorch's grad mode is per thread and on by default, and DJL turns it off only on the thread that
 * loads the engine. Without this, generation on any other thread (the plugin's inference worker, a
 * request thread) recorded a graph for every operation that reads a parameter, for nothing.
 */
final class AutogradOff implements AutoCloseable {
  private final boolean wasOn;

  private AutogradOff(boolean wasOn) {
    this.wasOn = wasOn;
  }

  static AutogradOff onThisThread() {
    boolean on = JniUtils.isGradMode();
    if (on) {
      JniUtils.setGradMode(false);
    }
    return new AutogradOff(on);
  }

  @Override
  public void close() {
    if (wasOn) {
      JniUtils.setGradMode(true);
    }
  }
}
