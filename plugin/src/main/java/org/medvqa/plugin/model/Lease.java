package org.medvqa.plugin.model;

/**
 * A hold on one loaded model for the length of one batch. While any lease is open the model stays
 * loaded, even if another one has been activated meanwhile; closing the last lease of a retired model
 * frees it. This is how a swap never drops or corrupts an in-flight request.
 */
public final class Lease implements AutoCloseable {
  private final LoadedModel model;
  private boolean closed;

  Lease(LoadedModel model) {
    this.model = model;
  }

  public Answerer answerer() {
    return model.answerer();
  }

  public ModelInfo info() {
    return model.info();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      model.release();
    }
  }
}
