package org.medvqa.dicom.codec;

/**
 * Reads the entropy-coded segment of a JPEG scan bit by bit (ITU T.81 F.2.2.5): a stuffed 0xFF00 is
 * a data byte 0xFF; at a marker the reader stops and feeds zero bits. Bits taken from that zero
 * padding mean the scan ended early, which is reported as a truncated scan instead of decoding
 * garbage. Differences are decoded as in H.1.2.2 (category SSSS, then SSSS extra bits; SSSS = 16
 * means 32768 with no extra bits). Each 32 bits in the buffer cover one difference (a code of at
 * most 16 bits and at most 15 extra bits).
 */
final class EntropyReader {
  private final byte[] data;
  private int pos;
  private long acc;
  private int bits;
  /** Zero bits fed since the marker was reached (and since the last restart). */
  private int padding;

  EntropyReader(byte[] data, int start) {
    this.data = data;
    this.pos = start;
  }

  /** Offset of the first byte not yet read: the marker that ended the data, once reached. */
  int position() {
    return pos;
  }

  /**
   * Decodes {@code diffs.length} differences, the scan's components in turn ({@code tables[k]} for
   * component k). The bit buffer lives in locals for the whole run: this loop is the codec's cost.
   */
  void differences(HuffmanTable[] tables, int[] diffs) throws CodestreamException {
    byte[] data = this.data;
    long acc = this.acc;
    int bits = this.bits;
    int pos = this.pos;
    int padding = this.padding;
    int ns = tables.length;
    for (int i = 0; i < diffs.length; ) {
      for (int k = 0; k < ns; k++, i++) {
        if (bits < 32) {
          if (padding > bits) {
            throw truncated();
          }
          while (bits <= 56) { // refill a byte at a time, stopping in front of a marker
            int b = 0;
            if (pos < data.length) {
              b = data[pos] & 0xFF;
              if (b != 0xFF) {
                pos++;
              } else if (pos + 1 < data.length && data[pos + 1] == 0) {
                pos += 2; // stuffed 0xFF
              } else {
                b = 0;
                padding += 8;
              }
            } else {
              padding += 8;
            }
            acc = acc << 8 | b;
            bits += 8;
          }
        }
        HuffmanTable table = tables[k];
        int whole = table.fast[(int) (acc >>> (bits - HuffmanTable.FAST_BITS)) & ((1 << HuffmanTable.FAST_BITS) - 1)];
        if (whole != 0) {
          bits -= whole & 0xFF;
          diffs[i] = whole >> 8;
          continue;
        }
        int entry = table.lookup[(int) (acc >>> (bits - HuffmanTable.LOOKAHEAD)) & ((1 << HuffmanTable.LOOKAHEAD) - 1)];
        int category;
        if (entry != 0) {
          bits -= entry >>> 8;
          category = entry & 0xFF;
        } else {
          int length = HuffmanTable.LOOKAHEAD + 1;
          int code = (int) (acc >>> (bits - length)) & ((1 << length) - 1);
          while (code > table.maxcode[length]) {
            length++;
            if (length > 16) {
              throw new CodestreamException("invalid Huffman code in the scan (corrupt data)");
            }
            code = (int) (acc >>> (bits - length)) & ((1 << length) - 1);
          }
          bits -= length;
          category = table.values[table.valoffset[length] + code];
        }
        int diff;
        if (category == 0) {
          diff = 0;
        } else if (category < 16) {
          int v = (int) (acc >>> (bits - category)) & ((1 << category) - 1);
          bits -= category;
          diff = v < 1 << (category - 1) ? v - (1 << category) + 1 : v;
        } else if (category == 16) {
          diff = 32768;
        } else {
          throw new CodestreamException("difference category " + category + " in a lossless scan (at most 16)");
        }
        diffs[i] = diff;
      }
    }
    this.acc = acc;
    this.bits = bits;
    this.pos = pos;
    this.padding = padding;
  }

  private static CodestreamException truncated() {
    return new CodestreamException("truncated scan: the entropy-coded data ends before the last sample");
  }

  /** Ends a scan or restart interval: fails if it needed bits past the data. */
  void checkNotTruncated() throws CodestreamException {
    if (padding > bits) {
      throw truncated();
    }
  }

  /** Consumes the restart marker RST{@code n} (T.81 E.2.4) and starts a fresh bit stream after it. */
  void restart(int n) throws CodestreamException {
    checkNotTruncated();
    acc = 0;
    bits = 0;
    padding = 0;
    int marker = LosslessJpegDecoder.nextMarker(data, pos);
    if (marker < 0) {
      throw new CodestreamException("truncated scan: restart marker RST" + n + " missing");
    }
    int code = data[marker + 1] & 0xFF;
    if (code != 0xD0 + n) {
      throw new CodestreamException(String.format("expected restart marker RST%d, found 0xFF%02X", n, code));
    }
    pos = marker + 2;
  }
}
