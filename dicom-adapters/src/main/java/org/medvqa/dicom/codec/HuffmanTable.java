package org.medvqa.dicom.codec;

/**
 * One JPEG Huffman table (ITU T.81 C, F.2.2.3) built for decoding lossless differences. Three levels:
 * {@link #fast} resolves a whole difference (code plus its extra bits, {@value #FAST_BITS} bits at
 * most, the common case) with one lookup on the next bits; {@link #lookup} resolves codes of up to
 * {@value #LOOKAHEAD} bits; longer codes take the canonical {@code maxcode}/{@code valoffset} walk.
 */
final class HuffmanTable {
  static final int LOOKAHEAD = 9;
  static final int FAST_BITS = 12;

  /**
   * Per {@value #FAST_BITS}-bit prefix: {@code difference << 8 | bits used}, or 0 where code and
   * extra bits do not fit in the prefix.
   */
  final int[] fast = new int[1 << FAST_BITS];

  /** Per {@value #LOOKAHEAD}-bit prefix: {@code length << 8 | symbol}, or 0 if the code is longer. */
  final int[] lookup = new int[1 << LOOKAHEAD];
  /** Largest code of each length (1..16), -1 where none; index 17 is a sentinel. */
  final int[] maxcode = new int[18];
  /** Index into {@link #values} of the first code of each length, minus that code. */
  final int[] valoffset = new int[17];
  final int[] values;

  /**
   * @param counts number of codes of each length 1..16 ({@code counts[0]} is length 1)
   * @param values the symbols in code order
   */
  HuffmanTable(int[] counts, int[] values) throws CodestreamException {
    this.values = values;
    int code = 0;
    int k = 0;
    for (int length = 1; length <= 16; length++) {
      int n = counts[length - 1];
      valoffset[length] = k - code;
      if (n == 0) {
        maxcode[length] = -1;
      } else {
        code += n;
        k += n;
        maxcode[length] = code - 1;
        if (code > (1 << length)) {
          throw new CodestreamException("Huffman table has more codes of length " + length + " than fit");
        }
        for (int c = code - n; c < code; c++) {
          int symbol = values[valoffset[length] + c];
          if (length <= LOOKAHEAD) {
            int shift = LOOKAHEAD - length;
            for (int fill = 0; fill < 1 << shift; fill++) {
              lookup[(c << shift) | fill] = length << 8 | symbol;
            }
          }
          fillFast(c, length, symbol);
        }
      }
      code <<= 1;
    }
    maxcode[17] = Integer.MAX_VALUE;
  }

  /** Entries of {@link #fast} for code {@code c} of {@code length} bits followed by its extra bits. */
  private void fillFast(int c, int length, int category) {
    int extra = category == 16 ? 0 : category;
    int used = length + extra;
    if (category > 16 || used > FAST_BITS) {
      return;
    }
    for (int v = 0; v < 1 << extra; v++) {
      int diff;
      if (category == 0) {
        diff = 0;
      } else if (category == 16) {
        diff = 32768;
      } else {
        diff = v < 1 << (category - 1) ? v - (1 << category) + 1 : v;
      }
      int prefix = (c << extra | v) << (FAST_BITS - used);
      for (int fill = 0; fill < 1 << (FAST_BITS - used); fill++) {
        fast[prefix | fill] = diff << 8 | used;
      }
    }
  }
}
