package org.medvqa.dicom.codec;

/**
 * Lossless JPEG (ITU T.81 Annex H, Huffman-coded, SOF3): DICOM's processes 14 and 14 SV1
 * (transfer syntaxes 1.2.840.10008.1.2.4.57 and .70). Any precision P of 2..16 bits, 1 to 4
 * components (interleaved in one scan or one scan each, all sampled 1x1), predictors 1-7, point
 * transform Pt, restart intervals of whole rows.
 *
 * <p>Each sample is its prediction plus a Huffman-coded difference, modulo 2^16 (H.1.2.1); with
 * Ra, Rb, Rc the left, upper and upper-left neighbours the predictors are 1: Ra, 2: Rb, 3: Rc,
 * 4: Ra + Rb - Rc, 5: Ra + ((Rb - Rc) >> 1), 6: Rb + ((Ra - Rc) >> 1), 7: (Ra + Rb) >> 1. The first
 * row of the image and of each restart interval uses Ra (its first sample 2^(P-Pt-1)), the first
 * column Rb. The decoded values are shifted left by Pt.
 *
 * <p>Written because PixelMed's decoder (Huffman codes looked up as strings in a hash map, samples
 * copied through a BufferedImage) was 5-11x slower than GDCM's native one.
 */
public final class LosslessJpegDecoder {
  private static final int MAX_COMPONENTS = 4;

  /** A decoded image: {@code samples} row-major with the components of a pixel adjacent. */
  public record Image(int width, int height, int components, int precision, int[] samples) {}

  private final byte[] code;
  private final HuffmanTable[] tables = new HuffmanTable[4];
  private int restartInterval;
  private int width;
  private int height;
  private int precision;
  private int[] componentIds;
  private int[] pointTransform;
  private boolean[] decoded;
  private int[] samples;

  private LosslessJpegDecoder(byte[] code) {
    this.code = code;
  }

  /** Decodes a whole codestream (SOI ... EOI). */
  public static Image decode(byte[] code) throws CodestreamException {
    return new LosslessJpegDecoder(code).run();
  }

  private Image run() throws CodestreamException {
    if (code.length < 4 || (code[0] & 0xFF) != 0xFF || (code[1] & 0xFF) != 0xD8) {
      throw new CodestreamException("no SOI marker at the start of the JPEG codestream");
    }
    int pos = 2;
    while (true) {
      int at = skipFill(pos);
      if (at + 1 >= code.length) {
        break; // no EOI: accepted when every component was decoded
      }
      if ((code[at] & 0xFF) != 0xFF) {
        throw new CodestreamException(String.format("expected a marker at offset %d, found 0x%02X", at,
            code[at] & 0xFF));
      }
      int marker = code[at + 1] & 0xFF;
      pos = at + 2;
      if (marker == 0xD9) {
        break;
      }
      if (marker == 0x01 || marker == 0xD8) {
        continue; // TEM, stray SOI: no segment
      }
      if (marker >= 0xD0 && marker <= 0xD7) {
        continue; // a stray RSTn after a scan's last interval: some encoders write one
      }
      int length = segmentLength(pos, marker);
      int body = pos + 2;
      int next = pos + length;
      switch (marker) {
        case 0xC3 -> frameHeader(body, next);
        case 0xC4 -> huffmanTables(body, next);
        case 0xDD -> {
          if (length < 4) {
            throw new CodestreamException("DRI segment too short");
          }
          restartInterval = u16(body);
        }
        case 0xDA -> next = scan(body, next);
        case 0xC0, 0xC1, 0xC2, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
            throw new UnsupportedCodestreamException(String.format("SOF%d frame (only lossless SOF3 here)",
                marker - 0xC0));
        default -> {
          if (!(marker >= 0xE0 && marker <= 0xEF) && marker != 0xFE && marker != 0xDB && marker != 0xDC
              && marker != 0xCC && !(marker >= 0xF0 && marker <= 0xFD)) {
            throw new CodestreamException(String.format("bad marker 0xFF%02X at offset %d", marker, at));
          }
        }
      }
      pos = next;
    }
    if (samples == null) {
      throw new CodestreamException("no SOF3 frame header in the lossless JPEG codestream");
    }
    for (int c = 0; c < decoded.length; c++) {
      if (!decoded[c]) {
        throw new CodestreamException("truncated codestream: no scan for component " + componentIds[c]);
      }
    }
    int nf = componentIds.length;
    for (int c = 0; c < nf; c++) {
      int pt = pointTransform[c];
      if (pt > 0) {
        for (int i = c; i < samples.length; i += nf) {
          samples[i] <<= pt;
        }
      }
    }
    return new Image(width, height, nf, precision, samples);
  }

  private int skipFill(int pos) {
    while (pos + 1 < code.length && (code[pos] & 0xFF) == 0xFF && (code[pos + 1] & 0xFF) == 0xFF) {
      pos++;
    }
    return pos;
  }

  private int segmentLength(int pos, int marker) throws CodestreamException {
    if (pos + 2 > code.length) {
      throw new CodestreamException(String.format("marker 0xFF%02X at the very end of the codestream", marker));
    }
    int length = u16(pos);
    // a segment's length counts its own two bytes
    if (length < 2 || pos + length > code.length) {
      throw new CodestreamException(String.format("marker segment 0xFF%02X declares %d bytes, %d left",
          marker, length, code.length - pos));
    }
    return length;
  }

  private void frameHeader(int p, int end) throws CodestreamException {
    if (samples != null) {
      throw new CodestreamException("a second frame header (SOF) in the codestream");
    }
    if (end - p < 6) {
      throw new CodestreamException("SOF3 segment too short");
    }
    precision = code[p] & 0xFF;
    height = u16(p + 1);
    width = u16(p + 3);
    int nf = code[p + 5] & 0xFF;
    if (precision < 2 || precision > 16) {
      throw new CodestreamException("sample precision " + precision + " outside 2..16");
    }
    if (nf < 1 || nf > MAX_COMPONENTS || end - p < 6 + 3 * nf) {
      throw new CodestreamException("SOF3 with " + nf + " components (1.." + MAX_COMPONENTS + " here)");
    }
    if (width == 0) {
      throw new CodestreamException("SOF3 declares zero columns");
    }
    if (height == 0) {
      throw new UnsupportedCodestreamException("height defined by a DNL marker");
    }
    componentIds = new int[nf];
    for (int c = 0; c < nf; c++) {
      componentIds[c] = code[p + 6 + 3 * c] & 0xFF;
      int sampling = code[p + 7 + 3 * c] & 0xFF;
      if (nf > 1 && sampling != 0x11) {
        throw new UnsupportedCodestreamException(String.format("component %d sampled %dx%d",
            componentIds[c], sampling >> 4, sampling & 15));
      }
    }
    pointTransform = new int[nf];
    decoded = new boolean[nf];
    long size = (long) width * height * nf;
    if (size > Integer.MAX_VALUE - 8) {
      throw new CodestreamException(width + "x" + height + "x" + nf + " samples do not fit one array");
    }
    samples = new int[(int) size];
  }

  private void huffmanTables(int p, int end) throws CodestreamException {
    while (p < end) {
      if (p + 17 > end) {
        throw new CodestreamException("DHT segment too short");
      }
      int classAndId = code[p] & 0xFF;
      int id = classAndId & 15;
      if (id > 3 || (classAndId >> 4) > 1) {
        throw new CodestreamException(String.format("DHT table class/id 0x%02X", classAndId));
      }
      int[] counts = new int[16];
      int total = 0;
      for (int i = 0; i < 16; i++) {
        counts[i] = code[p + 1 + i] & 0xFF;
        total += counts[i];
      }
      if (total > 256 || p + 17 + total > end) {
        throw new CodestreamException("DHT segment shorter than its " + total + " symbols");
      }
      int[] values = new int[total];
      for (int i = 0; i < total; i++) {
        values[i] = code[p + 17 + i] & 0xFF;
      }
      if ((classAndId >> 4) == 0) {
        tables[id] = new HuffmanTable(counts, values); // lossless scans use the DC tables only
      }
      p += 17 + total;
    }
  }

  /** Decodes one scan; returns the offset of the marker after its entropy-coded data. */
  private int scan(int p, int headerEnd) throws CodestreamException {
    if (samples == null) {
      throw new CodestreamException("scan (SOS) before the frame header (SOF3)");
    }
    int ns = code[p] & 0xFF;
    if (ns < 1 || ns > componentIds.length || headerEnd - p < 1 + 2 * ns + 3) {
      throw new CodestreamException("SOS with " + ns + " components");
    }
    int[] index = new int[ns];
    HuffmanTable[] scanTables = new HuffmanTable[ns];
    for (int k = 0; k < ns; k++) {
      int id = code[p + 1 + 2 * k] & 0xFF;
      index[k] = -1;
      for (int c = 0; c < componentIds.length; c++) {
        if (componentIds[c] == id) {
          index[k] = c;
        }
      }
      if (index[k] < 0) {
        throw new CodestreamException("scan refers to component " + id + ", which the frame does not have");
      }
      int td = (code[p + 2 + 2 * k] & 0xFF) >> 4;
      if (td > 3 || tables[td] == null) {
        throw new CodestreamException("scan uses Huffman table " + td + ", which is not defined");
      }
      scanTables[k] = tables[td];
    }
    int predictor = code[p + 1 + 2 * ns] & 0xFF;
    int pt = code[p + 3 + 2 * ns] & 0x0F;
    if (predictor < 1 || predictor > 7) {
      throw new CodestreamException("predictor " + predictor + " (lossless scans use 1..7)");
    }
    if (pt >= precision) {
      throw new CodestreamException("point transform " + pt + " not below the precision " + precision);
    }
    long mcusPerRow = width;
    if (restartInterval > 0 && restartInterval % mcusPerRow != 0) {
      throw new UnsupportedCodestreamException("restart interval of " + restartInterval
          + " samples ends inside a row of " + width);
    }
    int rowsPerInterval = restartInterval == 0 ? Integer.MAX_VALUE : (int) (restartInterval / mcusPerRow);
    EntropyReader reader = new EntropyReader(code, headerEnd);
    decodeRows(reader, index, scanTables, predictor, 1 << (precision - pt - 1), rowsPerInterval);
    reader.checkNotTruncated();
    for (int c : index) {
      decoded[c] = true;
      pointTransform[c] = pt;
    }
    int marker = nextMarker(code, reader.position());
    return marker < 0 ? code.length : marker;
  }

  private void decodeRows(EntropyReader reader, int[] index, HuffmanTable[] scanTables, int predictor,
      int initial, int rowsPerInterval) throws CodestreamException {
    int[] out = samples;
    int nf = componentIds.length;
    int ns = index.length;
    int rowStride = width * nf;
    int[] diffs = new int[width * ns];
    int restart = 0;
    for (int y = 0; y < height; y++) {
      boolean firstRow = y % rowsPerInterval == 0;
      if (firstRow && y > 0) {
        reader.restart(restart);
        restart = (restart + 1) & 7;
      }
      reader.differences(scanTables, diffs);
      int rowBase = y * rowStride;
      for (int k = 0; k < ns; k++) {
        int c = index[k];
        if (firstRow) {
          firstRow(out, diffs, k, ns, rowBase + c, nf, initial);
        } else {
          row(out, diffs, k, ns, rowBase + c, nf, rowStride, predictor);
        }
      }
    }
  }

  /** The first row of the image or of a restart interval: 2^(P-Pt-1), then Ra. */
  private void firstRow(int[] out, int[] diffs, int k, int ns, int i, int nf, int initial) {
    int prev = initial;
    for (int x = 0, d = k; x < width; x++, d += ns, i += nf) {
      prev = (prev + diffs[d]) & 0xFFFF;
      out[i] = prev;
    }
  }

  /** A later row: Rb for the first column, the scan's predictor after it. */
  private void row(int[] out, int[] diffs, int k, int ns, int i, int nf, int rowStride, int predictor) {
    out[i] = (out[i - rowStride] + diffs[k]) & 0xFFFF;
    int d = k + ns;
    i += nf;
    int end = i + (width - 1) * nf;
    switch (predictor) {
      case 1 -> {
        for (; i < end; i += nf, d += ns) {
          out[i] = (out[i - nf] + diffs[d]) & 0xFFFF;
        }
      }
      case 2 -> {
        for (; i < end; i += nf, d += ns) {
          out[i] = (out[i - rowStride] + diffs[d]) & 0xFFFF;
        }
      }
      default -> {
        for (; i < end; i += nf, d += ns) {
          out[i] = (predict(predictor, out[i - nf], out[i - rowStride], out[i - rowStride - nf]) + diffs[d]) & 0xFFFF;
        }
      }
    }
  }

  private static int predict(int predictor, int ra, int rb, int rc) {
    return switch (predictor) {
      case 1 -> ra;
      case 2 -> rb;
      case 3 -> rc;
      case 4 -> ra + rb - rc;
      case 5 -> ra + ((rb - rc) >> 1);
      case 6 -> rb + ((ra - rc) >> 1);
      default -> (ra + rb) >> 1;
    };
  }

  /** Offset of the next marker (0xFF followed by neither 0x00 nor 0xFF) from {@code pos}, or -1. */
  static int nextMarker(byte[] data, int pos) {
    for (int i = pos; i + 1 < data.length; i++) {
      if ((data[i] & 0xFF) == 0xFF) {
        int next = data[i + 1] & 0xFF;
        if (next != 0 && next != 0xFF) {
          return i;
        }
      }
    }
    return -1;
  }

  private int u16(int p) {
    return (code[p] & 0xFF) << 8 | (code[p + 1] & 0xFF);
  }
}
