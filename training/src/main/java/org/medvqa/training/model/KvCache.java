package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;

/**
 * Per decoder layer: keys and values (B, H, P, D/H) of the P positions seen so far; and, with a
 * {@link DetectorFusion}, each row's detector read-out (B, 1, D) that every later text position reads.
 */
final class KvCache {
  private final NDArray[] keys;
  private final NDArray[] values;
  private NDArray detected;

  KvCache(int layers) {
    keys = new NDArray[layers];
    values = new NDArray[layers];
  }

  NDArray keys(int layer) {
    return keys[layer];
  }

  NDArray values(int layer) {
    return values[layer];
  }

  void set(int layer, NDArray k, NDArray v) {
    keys[layer] = k;
    values[layer] = v;
  }

  /** The rows' detector read-out (B, 1, D), or null when the model has no detector. */
  NDArray detected() {
    return detected;
  }

  void setDetected(NDArray detected) {
    this.detected = detected;
  }

  int layers() {
    return keys.length;
  }

  long length() {
    return keys[0] == null ? 0 : keys[0].getShape().get(2);
  }

  /** Rows picked by index (B') from this cache (U rows): the shared image prefix per prompt. */
  KvCache gather(NDArray rowIndex) {
    KvCache out = new KvCache(keys.length);
    for (int i = 0; i < keys.length; i++) {
      out.set(i, keys[i].get(rowIndex), values[i].get(rowIndex));
    }
    out.detected = detected == null ? null : detected.get(rowIndex);
    return out;
  }
}
