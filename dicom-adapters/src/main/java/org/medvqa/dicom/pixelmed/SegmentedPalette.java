package org.medvqa.dicom.pixelmed;

import java.util.Arrays;
import org.medvqa.dicom.DicomFormatException;

/**
 * Expands Segmented Palette Color Lookup Table Data (PS3.3 C.7.9.2) into a plain table. The data is a
 * run of segments, each an opcode and a length: 0 discrete ({@code n} values follow), 1 linear
 * ({@code n} values stepping evenly from the previous value to the one that follows, rounded half
 * to even), 2 indirect (repeat {@code n} segments found at a 32-bit byte offset, low word first).
 * Entries are 16-bit words for 16-bit palettes and bytes for 8-bit ones.
 */
final class SegmentedPalette {
  /** Indirect segments may point at indirect segments; deeper than this is refused as a loop. */
  private static final int MAX_DEPTH = 8;

  private final String name;
  private final int[] data;
  private final int bytesPerEntry;
  private final int[] out;
  private int size;

  private SegmentedPalette(String name, int[] data, int bytesPerEntry, int entries) {
    this.name = name;
    this.data = data;
    this.bytesPerEntry = bytesPerEntry;
    this.out = new int[entries];
  }

  /**
   * @param data the segment entries (bytes or 16-bit words, see the class comment)
   * @param entries the number of table entries the descriptor declares
   */
  static int[] expand(String name, int[] data, int bytesPerEntry, int entries) throws DicomFormatException {
    SegmentedPalette palette = new SegmentedPalette(name, data, bytesPerEntry, entries);
    palette.segments(0, Integer.MAX_VALUE, 0);
    if (palette.size == 0) {
      throw palette.broken("no entries");
    }
    int[] table = Arrays.copyOf(palette.out, entries);
    Arrays.fill(table, palette.size, entries, table[palette.size - 1]); // short tables repeat their last entry
    return table;
  }

  /** Expands up to {@code count} segments starting at entry {@code at}. */
  private void segments(int at, int count, int depth) throws DicomFormatException {
    // at + 1 < length: a trailing pad entry is not a segment
    for (int done = 0; done < count && at + 1 < data.length && size < out.length; done++) {
      int opcode = data[at];
      int length = data[at + 1];
      at += 2;
      switch (opcode) {
        case 0 -> {
          if (at + length > data.length) {
            throw broken("discrete segment runs past the data");
          }
          for (int i = 0; i < length; i++) {
            append(data[at + i]);
          }
          at += length;
        }
        case 1 -> {
          if (size == 0 || at >= data.length) {
            throw broken(size == 0 ? "starts with a linear segment" : "linear segment runs past the data");
          }
          int y0 = out[size - 1];
          int y1 = data[at++];
          for (int j = 1; j <= length; j++) {
            append((int) Math.rint(y0 + (double) (y1 - y0) * j / length));
          }
        }
        case 2 -> {
          int words = bytesPerEntry == 1 ? 4 : 2;
          if (size == 0 || at + words > data.length || depth >= MAX_DEPTH) {
            throw broken(size == 0 ? "starts with an indirect segment" : "bad indirect segment");
          }
          long offset = bytesPerEntry == 1
              ? (data[at] | data[at + 1] << 8 | data[at + 2] << 16 | (long) data[at + 3] << 24)
              : (data[at] | (long) data[at + 1] << 16);
          at += words;
          long target = offset / bytesPerEntry;
          if (target >= data.length) {
            throw broken("indirect segment points past the data");
          }
          segments((int) target, length, depth + 1);
        }
        default -> throw broken("unknown segment type " + opcode);
      }
    }
  }

  private void append(int value) {
    if (size < out.length) {
      out[size++] = value;
    }
  }

  private DicomFormatException broken(String why) {
    return new DicomFormatException(name + ": broken segmented palette colour table (" + why + ")");
  }
}
