package org.medvqa.plugin.model;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded model with a reference count: one reference for being active, one per open {@link Lease}.
 * The answerer is closed when the count reaches zero, i.e. when it is no longer active and its last
 * batch has finished.
 */
final class LoadedModel {
  private final Answerer answerer;
  private final ModelInfo info;
  private final AtomicInteger refs = new AtomicInteger(1);

  LoadedModel(Answerer answerer, ModelInfo info) {
    this.answerer = answerer;
    this.info = info;
  }

  Answerer answerer() {
    return answerer;
  }

  ModelInfo info() {
    return info;
  }

  /** Takes a reference unless the model has already been freed. */
  boolean retain() {
    for (int r = refs.get(); r > 0; r = refs.get()) {
      if (refs.compareAndSet(r, r + 1)) {
        return true;
      }
    }
    return false;
  }

  void release() {
    if (refs.decrementAndGet() == 0) {
      answerer.close();
    }
  }
}
