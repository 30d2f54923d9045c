package org.medvqa.training.phantom;

import java.util.Random;

/**
 * Independent, reproducible random streams per phantom and purpose (SplitMix64's finaliser over the
 * dataset seed, the phantom index and a stream number), so that changing a question knob never moves
 * a pixel and phantom k is the same whatever n is.
 */
final class Seeds {
  static final int ANATOMY = 0;
  static final int NOISE = 1;
  static final int QUESTIONS = 2;
  static final int SPLITS = 3;

  private Seeds() {}

  static Random stream(long seed, long index, int purpose) {
    return new Random(mix(mix(mix(seed) ^ index) ^ purpose));
  }

  static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
