package org.medvqa.dicom.pixelmed;

import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.TransferSyntaxes;

/**
 * Reads the image size a JPEG (SOFn) or JPEG 2000 (SIZ) codestream declares and rejects it when it
 * disagrees with Rows/Columns: decoders allocate what the codestream says, so a forged SOF in a
 * small file must not reach them.
 */
final class CodestreamCheck {
  private CodestreamCheck() {}

  static void verify(String name, String ts, byte[] code, DicomInfo info) throws DicomFormatException {
    int[] size = null;
    if (ts.startsWith("1.2.840.10008.1.2.4.5") || ts.startsWith("1.2.840.10008.1.2.4.7")
        || ts.startsWith("1.2.840.10008.1.2.4.8")) {
      size = jpegSize(code);
    } else if (TransferSyntaxes.JPEG_2000.equals(ts) || TransferSyntaxes.JPEG_2000_LOSSLESS.equals(ts)) {
      size = j2kSize(code);
    } else {
      return;
    }
    if (size == null) {
      throw new DicomFormatException(name + ": broken " + TransferSyntaxes.describe(ts)
          + " codestream (no frame header found)");
    }
    if (size[0] != info.columns() || size[1] != info.rows()) {
      throw new DicomFormatException(String.format("%s: codestream declares %dx%d but Rows/Columns "
          + "say %dx%d", name, size[0], size[1], info.columns(), info.rows()));
    }
    if (TransferSyntaxes.JPEG_2000.equals(ts) || TransferSyntaxes.JPEG_2000_LOSSLESS.equals(ts)) {
      String problem = j2kStructureProblem(code);
      if (problem != null) {
        throw new DicomFormatException(name + ": broken " + TransferSyntaxes.describe(ts) + " codestream: "
            + problem);
      }
    }
  }

  /**
   * Walks the marker segments of a JPEG or JPEG-LS codestream from SOI to SOS the way libjpeg's
   * {@code jpeg_read_header} does, and names anything it would only warn about: bytes between
   * segments, a stream that ends before SOS, a JFIF major version other than 1, a JFIF thumbnail of the
   * wrong size, an Adobe transform above 2. GDCM's JPEG codecs (12-bit lossy JPEG, JPEG-LS) answer any
   * such warning with {@code assert(0)}, which aborts the whole JVM; so these streams never reach it. Huffman
   * and quantisation tables and frame headers that libjpeg refuses are refused too: GDCM then tries its
   * PVRG codec, which can burn minutes on them.
   * Returns null when the header is sound.
   */
  static String jpegHeaderProblem(byte[] b) {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      return "no SOI marker at the start";
    }
    int pos = 2;
    while (true) {
      if (pos >= b.length || (b[pos] & 0xFF) != 0xFF) {
        return pos >= b.length ? "ends before the start of scan" : "stray bytes before the marker at offset " + pos;
      }
      while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
        pos++; // fill bytes
      }
      if (pos >= b.length) {
        return "ends before the start of scan";
      }
      int marker = b[pos++] & 0xFF;
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // no length
      }
      if (marker == 0xD9) {
        return "end of image before the start of scan";
      }
      if (pos + 2 > b.length) {
        return "ends inside a marker segment";
      }
      int length = u16(b, pos);
      if (length < 2 || pos + length > b.length) {
        return String.format("marker segment FF%02X at offset %d has a bad length", marker, pos - 2);
      }
      if (marker == 0xDA) {
        return null;
      }
      int data = pos + 2;
      int dataLength = length - 2;
      if (marker == 0xE0 && dataLength >= 14 && ascii(b, data, 5).equals("JFIF\0")) {
        if (b[data + 5] != 1) {
          return "JFIF major version " + b[data + 5];
        }
        if ((b[data + 12] & 0xFF) * (b[data + 13] & 0xFF) * 3 != dataLength - 14) {
          return "JFIF thumbnail size does not match its segment";
        }
      }
      if (marker == 0xEE && dataLength >= 12 && ascii(b, data, 5).equals("Adobe") && (b[data + 11] & 0xFF) > 2) {
        return "unknown Adobe colour transform " + (b[data + 11] & 0xFF);
      }
      if (marker == 0xC4) {
        // DHT: per table, 1 + 16 counts + that many values (at most 256). A table libjpeg refuses sends GDCM
        // to its PVRG fallback, which spent minutes of system time on one such 1.4 kB file (fuzzing).
        int p = data;
        while (p < data + dataLength) {
          if (p + 17 > data + dataLength) {
            return "Huffman table header runs past its segment";
          }
          int count = 0;
          for (int i = 1; i <= 16; i++) {
            count += b[p + i] & 0xFF;
          }
          if (count > 256 || p + 17 + count > data + dataLength) {
            return "Huffman table declares " + count + " codes that its segment does not hold";
          }
          p += 17 + count;
        }
      }
      if (marker == 0xDB) {
        // DQT: per table, 1 byte (precision, id) + 64 values of 1 or 2 bytes.
        int p = data;
        while (p < data + dataLength) {
          int size = 1 + ((b[p] & 0xF0) == 0 ? 64 : 128);
          if ((b[p] & 0xF0) > 0x10 || p + size > data + dataLength) {
            return "quantisation table does not fit its segment";
          }
          p += size;
        }
      }
      if ((marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) || marker == 0xF7) {
        // SOFn (and JPEG-LS SOF55): 6 bytes, then 3 per component.
        if (dataLength < 6 || dataLength != 6 + 3 * (b[data + 5] & 0xFF) || (b[data + 5] & 0xFF) == 0) {
          return String.format("frame header FF%02X has a length that does not match its components", marker);
        }
      }
      pos += length;
    }
  }

  private static String ascii(byte[] b, int from, int n) {
    return new String(b, from, n, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * Checks the tile-part structure of a JPEG 2000 codestream (PS 15444-1 A.4): after the main header,
   * a chain of SOT tile-parts whose Psot lengths stay inside the data, each with an SOD, and inside
   * the coded data no 0xFF followed by a byte above 0x8F except the SOP/EPH markers (bit stuffing
   * makes that impossible in a valid stream). jai-imageio's decoder can spin for ever on such
   * garbage, so it is refused here. Returns null when the structure is sound.
   */
  static String j2kStructureProblem(byte[] b) {
    int soc = -1;
    for (int i = 0; i + 3 < Math.min(b.length, 64 * 1024); i++) {
      if ((b[i] & 0xFF) == 0xFF && b[i + 1] == 0x4F && (b[i + 2] & 0xFF) == 0xFF && b[i + 3] == 0x51) {
        soc = i;
        break;
      }
    }
    if (soc < 0) {
      return "no SOC/SIZ";
    }
    int pos = soc + 2;
    // main header: marker segments up to the first SOT
    while (true) {
      if (pos + 4 > b.length) {
        return "main header runs past the end";
      }
      if ((b[pos] & 0xFF) != 0xFF) {
        return "expected a marker at offset " + pos;
      }
      int marker = b[pos + 1] & 0xFF;
      if (marker == 0x90) {
        break;
      }
      int length = u16(b, pos + 2);
      if (length < 2 || pos + 2 + length > b.length) {
        return "marker segment at offset " + pos + " has a bad length";
      }
      pos += 2 + length;
    }
    int tileParts = 0;
    while (pos + 2 <= b.length && (b[pos] & 0xFF) == 0xFF && (b[pos + 1] & 0xFF) == 0x90) {
      if (pos + 12 > b.length) {
        return "tile-part header runs past the end";
      }
      long psot = u32(b, pos + 6);
      long end = psot == 0 ? b.length : pos + psot;
      if (psot != 0 && psot < 14) {
        return "tile-part at offset " + pos + " declares an impossible length " + psot;
      }
      end = Math.min(end, b.length); // a short last tile-part is truncated data, which decoders handle
      int sod = -1;
      int p = pos + 12;
      while (p + 4 <= end) {
        if ((b[p] & 0xFF) != 0xFF) {
          return "expected a marker in the tile-part header at offset " + p;
        }
        if ((b[p + 1] & 0xFF) == 0x93) {
          sod = p + 2;
          break;
        }
        int length = u16(b, p + 2);
        if (length < 2) {
          return "bad marker length in the tile-part header at offset " + p;
        }
        p += 2 + length;
      }
      if (sod < 0) {
        return "tile-part at offset " + pos + " has no SOD";
      }
      for (int i = sod; i + 1 < end; i++) {
        if ((b[i] & 0xFF) == 0xFF) {
          int next = b[i + 1] & 0xFF;
          if (next > 0x8F && next != 0x91 && next != 0x92 && !(next == 0xD9 && i + 2 >= end - 2)) {
            return String.format("marker code 0xFF%02X inside coded data at offset %d", next, i);
          }
        }
      }
      tileParts++;
      pos = (int) end;
    }
    if (tileParts == 0) {
      return "no tile-part";
    }
    return null;
  }


  /**
   * Codestreams the ImageIO codecs decode to different pixels than the reference decoders (dcmtk,
   * libjpeg-turbo, OpenJPEG), measured on pydicom's corpus; the reader sends them to GDCM when it can:
   * <ul>
   *   <li>lossy JPEG with three components, no JFIF or Adobe marker and component ids other than the
   *       JFIF 1,2,3, in an object whose Photometric Interpretation is RGB: nothing in the codestream
   *       says YCbCr, so the tag decides and the data is RGB; the JDK reader converts it as YCbCr
   *       anyway (pydicom's SC_jpeg_no_color_transform). Ids 1,2,3 keep the JFIF reading, which is
   *       what SC_rgb_jpeg_lossy_gdcm (YCbCr data mislabelled RGB) needs;
   *   <li>JPEG 2000 wrapped in a JP2 file header (not allowed in DICOM): jai-imageio applies the
   *       JP2 colour box and blurs edges that the lossless data keeps sharp.
   * </ul>
   */
  static boolean misreadByImageIo(String ts, byte[] code, String photometric) {
    if (TransferSyntaxes.JPEG_2000.equals(ts) || TransferSyntaxes.JPEG_2000_LOSSLESS.equals(ts)) {
      return code.length > 12 && code[4] == 'j' && code[5] == 'P' && code[6] == ' ' && code[7] == ' ';
    }
    if ((!TransferSyntaxes.JPEG_BASELINE.equals(ts) && !TransferSyntaxes.JPEG_EXTENDED.equals(ts))
        || !"RGB".equals(photometric)) {
      return false;
    }
    if (code.length < 4 || (code[0] & 0xFF) != 0xFF || (code[1] & 0xFF) != 0xD8) {
      return false;
    }
    int pos = 2;
    while (pos + 4 <= code.length) {
      if ((code[pos] & 0xFF) != 0xFF) {
        return false;
      }
      int marker = code[pos + 1] & 0xFF;
      int length = u16(code, pos + 2);
      if (marker == 0xEE || marker == 0xE0) {
        return false; // Adobe APP14 or JFIF APP0 state the colour space explicitly
      }
      if (marker == 0xC0 || marker == 0xC1) {
        int components = pos + 9 < code.length ? code[pos + 9] & 0xFF : 0;
        if (components != 3 || pos + 10 + 9 > code.length) {
          return false;
        }
        return !(code[pos + 10] == 1 && code[pos + 13] == 2 && code[pos + 16] == 3);
      }
      if (marker == 0xDA || length < 2) {
        return false;
      }
      pos += 2 + length;
    }
    return false;
  }

  /** Width and height from the first SOFn (or SOF55 for JPEG-LS) marker segment. */
  static int[] jpegSize(byte[] b) {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      return null;
    }
    int pos = 2;
    while (pos + 4 <= b.length) {
      if ((b[pos] & 0xFF) != 0xFF) {
        return null;
      }
      int marker = b[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      int length = u16(b, pos + 2);
      boolean sof = (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
          || marker == 0xF7;
      if (sof) {
        if (pos + 9 > b.length) {
          return null;
        }
        return new int[] {u16(b, pos + 7), u16(b, pos + 5)};
      }
      if (marker == 0xDA || length < 2) {
        return null;
      }
      pos += 2 + length;
    }
    return null;
  }

  /** Image size from SIZ (Xsiz - XOsiz, Ysiz - YOsiz): the codestream starts SOC SIZ, maybe after JP2 boxes. */
  static int[] j2kSize(byte[] b) {
    int limit = Math.min(b.length - 4, 64 * 1024);
    for (int pos = 0; pos <= limit; pos++) {
      if ((b[pos] & 0xFF) == 0xFF && (b[pos + 1] & 0xFF) == 0x4F && (b[pos + 2] & 0xFF) == 0xFF
          && (b[pos + 3] & 0xFF) == 0x51) {
        int siz = pos + 2;
        if (siz + 22 > b.length) {
          return null;
        }
        long xs = u32(b, siz + 6);
        long ys = u32(b, siz + 10);
        long xo = u32(b, siz + 14);
        long yo = u32(b, siz + 18);
        if (xo > xs || yo > ys) {
          return null;
        }
        return new int[] {(int) Math.min(Integer.MAX_VALUE, xs - xo), (int) Math.min(Integer.MAX_VALUE, ys - yo)};
      }
    }
    return null;
  }

  private static int u16(byte[] b, int p) {
    return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
  }

  private static long u32(byte[] b, int p) {
    return ((long) u16(b, p) << 16) | u16(b, p + 2);
  }
}
