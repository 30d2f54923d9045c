package org.medvqa.dicom.pixelmed;

import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomInfo;

/**
 * DICOM RLE Lossless (PS3.5 Annex G) for any samples per pixel and 8, 16 or 32 bits allocated.
 * PixelMed's own RLE path stops at 2 bytes per sample and 8-bit colour, so this small decoder
 * replaces it. A frame is a 64-byte header (segment count, 15 offsets, little endian) and one
 * PackBits segment per byte plane, most significant byte first, sample after sample; the result is
 * the raw (unmasked) sample values, samples interleaved.
 */
final class RleFrameDecoder {
  private RleFrameDecoder() {}

  static int[] decode(String name, byte[] frame, DicomInfo info) throws DicomFormatException {
    int bytesPerSample = info.bitsAllocated() / 8;
    int spp = info.samplesPerPixel();
    int pixels = info.rows() * info.columns();
    int segments = bytesPerSample * spp;
    if (bytesPerSample < 1 || frame.length < 64) {
      throw new DicomFormatException(name + ": RLE frame too short for its 64-byte header");
    }
    int declared = u32(frame, 0);
    if (declared != segments) {
      throw new DicomFormatException(name + ": RLE header declares " + declared + " segments, "
          + spp + " samples of " + bytesPerSample + " bytes need " + segments);
    }
    int[] out = new int[pixels * spp];
    byte[] plane = new byte[pixels];
    for (int k = 0; k < segments; k++) {
      int start = u32(frame, 4 + 4 * k);
      int end = k + 1 < segments ? u32(frame, 8 + 4 * k) : frame.length;
      if (start < 64 || start > frame.length || end < start || end > frame.length) {
        throw new DicomFormatException(name + ": RLE segment " + (k + 1) + " has a bad offset " + start);
      }
      int produced = unpackBits(frame, start, end, plane);
      if (produced < pixels) {
        throw new DicomFormatException(name + ": RLE segment " + (k + 1) + " decodes to " + produced
            + " bytes, " + pixels + " expected (broken codestream)");
      }
      int sample = k / bytesPerSample;
      int shift = 8 * (bytesPerSample - 1 - k % bytesPerSample);
      for (int i = 0; i < pixels; i++) {
        out[i * spp + sample] |= (plane[i] & 0xFF) << shift;
      }
    }
    return out;
  }

  /** PackBits into {@code out}; returns how many bytes were produced (at most out.length). */
  private static int unpackBits(byte[] in, int pos, int end, byte[] out) {
    int n = 0;
    while (pos < end && n < out.length) {
      int header = in[pos++];
      if (header >= 0) {
        int count = Math.min(header + 1, Math.min(end - pos, out.length - n));
        System.arraycopy(in, pos, out, n, count);
        pos += header + 1;
        n += count;
      } else if (header != -128) {
        if (pos >= end) {
          break;
        }
        byte value = in[pos++];
        int count = Math.min(1 - header, out.length - n);
        for (int i = 0; i < count; i++) {
          out[n++] = value;
        }
      }
    }
    return n;
  }

  private static int u32(byte[] b, int p) {
    long v = (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    return v > Integer.MAX_VALUE ? -1 : (int) v;
  }
}
