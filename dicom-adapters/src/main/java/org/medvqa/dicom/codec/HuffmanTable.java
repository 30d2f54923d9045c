package org.medvqa.dicom.codec;

/**
 * One JPEG Huffman table (ITU T.81 C, F.2.2.3) built for decoding: codes of up to {@value #LOOKAHEAD}
 * bits are resolved by one table lookup on the next bits of the stream, longer ones by the canonical
 * {@code maxcode}/{@code valptr} walk.
 */
final class HuffmanTable {
  static final int LOOKAHEAD = 9;

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
        if (length <= LOOKAHEAD) {
          for (int c = code - n; c < code; c++) {
            int symbol = values[valoffset[length] + c];
            int shift = LOOKAHEAD - length;
            for (int fill = 0; fill < 1 << shift; fill++) {
              lookup[(c << shift) | fill] = length << 8 | symbol;
            }
          }
        }
      }
      code <<= 1;
    }
    maxcode[17] = Integer.MAX_VALUE;
  }
}
