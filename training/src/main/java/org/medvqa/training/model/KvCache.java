package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Per decoder layer: keys and values (B, H, P, D/H) of the P positions seen so far; and, with a
 * {@link DetectorFusion}, each row's detector read-out (B, 1, D) that every later text position reads.
 *
 * <p>It grows in one of two ways. By default each layer's new keys/values are concatenated to the past
 * (the image prefix and teacher forcing, where gradients flow through). After {@link #reserve} they are
 * written in place into buffers of a fixed capacity and read back as views (generation): a decoding step
 * then copies only its own position, not the whole past, and the buffers live as long as the generation.
 */
final class KvCache {
  private final NDArray[] keys;
  private final NDArray[] values;
  private long length;
  private boolean reserved;
  private NDArray detected;

  KvCache(int layers) {
    keys = new NDArray[layers];
    values = new NDArray[layers];
  }

  /** What one layer reads and writes. */
  final class Layer {
    private final int index;

    private Layer(int index) {
      this.index = index;
    }

    /**
     * Adds this call's keys and values (B, H, T, hd) at the cache's current length and returns those of
     * every position so far, (B, H, P+T, hd) each.
     */
    NDArray[] extend(NDArray k, NDArray v) {
      if (!reserved) {
        if (keys[index] != null) {
          k = keys[index].concat(k, 2);
          v = values[index].concat(v, 2);
        }
        keys[index] = k;
        values[index] = v;
        return new NDArray[] {k, v};
      }
      long t = k.getShape().get(2);
      NDIndex fresh = new NDIndex().addAllDim(2).addSliceDim(length, length + t);
      keys[index].set(fresh, k);
      values[index].set(fresh, v);
      NDIndex seen = new NDIndex().addAllDim(2).addSliceDim(0, length + t);
      return new NDArray[] {keys[index].get(seen), values[index].get(seen)};
    }
  }

  Layer layer(int index) {
    return new Layer(index);
  }

  /** Called once every layer has extended: the cache now holds {@code t} more positions. */
  void advance(long t) {
    length += t;
  }

  /**
   * From now on, keys and values are written in place into buffers for {@code capacity} positions,
   * allocated beside the current arrays (which are closed). Gradients do not flow through such writes.
   */
  void reserve(long capacity) {
    if (capacity < length) {
      throw new IllegalArgumentException("capacity " + capacity + " < the " + length + " positions cached");
    }
    NDIndex filled = new NDIndex().addAllDim(2).addSliceDim(0, length);
    for (int i = 0; i < keys.length; i++) {
      keys[i] = reserved(keys[i], capacity, filled);
      values[i] = reserved(values[i], capacity, filled);
    }
    reserved = true;
  }

  private static NDArray reserved(NDArray past, long capacity, NDIndex filled) {
    Shape s = past.getShape();
    NDArray buffer = past.getManager().zeros(new Shape(s.get(0), s.get(1), capacity, s.get(3)), past.getDataType());
    buffer.set(filled, past);
    past.close();
    return buffer;
  }

  /** Layer {@code i}'s key buffer (B, H, capacity, D/H) after {@link #reserve}: positions [0, length) are filled. */
  NDArray keyBuffer(int i) {
    requireReserved();
    return keys[i];
  }

  /** Layer {@code i}'s value buffer, as {@link #keyBuffer}. */
  NDArray valueBuffer(int i) {
    requireReserved();
    return values[i];
  }

  private void requireReserved() {
    if (!reserved) {
      throw new IllegalStateException("the cache has no buffers before reserve");
    }
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
    return length;
  }

  /** Rows picked by index (B') from this cache (U rows): the shared image prefix per prompt. */
  KvCache gather(NDArray rowIndex) {
    if (reserved) {
      throw new IllegalStateException("gather before reserve");
    }
    KvCache out = new KvCache(keys.length);
    for (int i = 0; i < keys.length; i++) {
      out.keys[i] = keys[i].get(rowIndex);
      out.values[i] = values[i].get(rowIndex);
    }
    out.length = length;
    out.detected = detected == null ? null : detected.get(rowIndex);
    return out;
  }
}
