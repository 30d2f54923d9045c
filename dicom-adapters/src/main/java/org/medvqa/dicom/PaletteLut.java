package org.medvqa.dicom;

/**
 * A PALETTE COLOR lookup table (C.7.6.3.1.5): a stored value {@code v} maps to entry {@code
 * clamp(v - firstMapped, 0, n-1)} of each of red, green and blue, whose values use {@code bits}
 * bits (8 or 16).
 */
public record PaletteLut(int firstMapped, int bits, int[] red, int[] green, int[] blue) {
  public PaletteLut {
    if (red.length == 0 || red.length != green.length || red.length != blue.length) {
      throw new IllegalArgumentException("palette tables must be non-empty and of equal size");
    }
  }

  public int size() {
    return red.length;
  }

  /** The largest entry value, for normalising to [0,1]. */
  public int maxValue() {
    return (1 << bits) - 1;
  }

  public int index(int storedValue) {
    return Math.max(0, Math.min(red.length - 1, storedValue - firstMapped));
  }
}
