package org.medvqa.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomFrame;
import org.medvqa.dicom.DicomInfo;

/**
 * Unpacks one frame of native (uncompressed) pixel data into stored values: bits allocated 1, 8, 16
 * or 32; the stored bits taken from below High Bit and sign-extended for Pixel Representation 1;
 * planar configuration 1 interleaved; YBR_FULL_422 upsampled to YBR_FULL.
 */
final class NativePixels {
  private NativePixels() {}

  static DicomFrame frame(String name, DicomInfo info, Attribute pixelData, int frameIndex,
      boolean bigEndian) throws DicomException, DicomFormatException {
    byte[] bytes = littleEndianBytes(pixelData, info.bitsAllocated(), bigEndian);
    int rows = info.rows();
    int columns = info.columns();
    int spp = info.samplesPerPixel();
    boolean ybr422 = "YBR_FULL_422".equals(info.photometricInterpretation()) && spp == 3;
    long pixels = (long) rows * columns;
    long storedSamples = ybr422 ? pixels * 2 : pixels * spp;
    long frameBits = storedSamples * info.bitsAllocated();
    long frameBytes = info.bitsAllocated() == 1 ? (frameBits + 7) / 8 : frameBits / 8;
    long needed = info.bitsAllocated() == 1
        ? ((long) frameIndex * frameBits + frameBits + 7) / 8
        : (frameIndex + 1L) * frameBytes;
    if (needed > bytes.length) {
      throw new DicomFormatException(String.format("%s: pixel data holds %d bytes, but frame %d of "
          + "%dx%dx%d at %d bits needs %d (truncated or wrong Rows/Columns/Number of Frames)",
          name, bytes.length, frameIndex + 1, columns, rows, spp, info.bitsAllocated(), needed));
    }
    int[] stored = new int[(int) storedSamples];
    int shift = Math.max(0, info.highBit() + 1 - info.bitsStored());
    int bitsStored = info.bitsStored();
    boolean signed = info.isSigned();
    switch (info.bitsAllocated()) {
      case 1 -> {
        long bit0 = (long) frameIndex * frameBits;
        for (int i = 0; i < stored.length; i++) {
          long bit = bit0 + i;
          stored[i] = (bytes[(int) (bit >>> 3)] >>> (bit & 7)) & 1;
        }
      }
      case 8 -> {
        int base = (int) (frameIndex * frameBytes);
        for (int i = 0; i < stored.length; i++) {
          stored[i] = value(bytes[base + i] & 0xFF, shift, bitsStored, signed);
        }
      }
      case 16 -> {
        int base = (int) (frameIndex * frameBytes);
        for (int i = 0; i < stored.length; i++) {
          int p = base + 2 * i;
          stored[i] = value((bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8, shift, bitsStored, signed);
        }
      }
      case 32 -> {
        int base = (int) (frameIndex * frameBytes);
        for (int i = 0; i < stored.length; i++) {
          int p = base + 4 * i;
          int raw = (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8 | (bytes[p + 2] & 0xFF) << 16
              | (bytes[p + 3] & 0xFF) << 24;
          stored[i] = bitsStored == 32 ? raw : value(raw, shift, bitsStored, signed);
        }
      }
      default -> throw new DicomFormatException(name + ": unsupported Bits Allocated " + info.bitsAllocated());
    }
    if (ybr422) {
      return new DicomFrame(rows, columns, 3, "YBR_FULL", upsample422(stored, rows, columns));
    }
    if (spp > 1 && info.planarConfiguration() == 1) {
      stored = interleave(stored, spp);
    }
    return new DicomFrame(rows, columns, spp, info.photometricInterpretation(), stored);
  }

  private static int value(int raw, int shift, int bitsStored, boolean signed) {
    int v = bitsStored >= 32 ? raw >>> shift : (raw >>> shift) & ((1 << bitsStored) - 1);
    if (signed && bitsStored < 32 && (v & (1 << (bitsStored - 1))) != 0) {
      v -= 1 << bitsStored;
    }
    return v;
  }

  /** The pixel data as a little-endian byte stream, whatever VR and byte order PixelMed read. */
  private static byte[] littleEndianBytes(Attribute pixelData, int bitsAllocated, boolean bigEndian)
      throws DicomException {
    if (pixelData instanceof OtherByteAttribute) {
      byte[] bytes = pixelData.getByteValues();
      if (bigEndian && bitsAllocated > 8) {
        return swap(bytes, bitsAllocated / 8);
      }
      return bytes;
    }
    short[] words = pixelData.getShortValues();
    byte[] bytes = new byte[words.length * 2];
    if (bigEndian && bitsAllocated == 8) {
      // 8-bit samples in a big-endian OW: the first sample is the high byte of the word.
      for (int i = 0; i < words.length; i++) {
        bytes[2 * i] = (byte) (words[i] >>> 8);
        bytes[2 * i + 1] = (byte) words[i];
      }
      return bytes;
    }
    boolean swapWords = bigEndian && bitsAllocated == 32;
    for (int i = 0; i < words.length; i++) {
      int w = words[swapWords ? (i ^ 1) : i];
      bytes[2 * i] = (byte) w;
      bytes[2 * i + 1] = (byte) (w >>> 8);
    }
    return bytes;
  }

  private static byte[] swap(byte[] bytes, int width) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i + width <= bytes.length; i += width) {
      for (int j = 0; j < width; j++) {
        out[i + j] = bytes[i + width - 1 - j];
      }
    }
    return out;
  }

  private static int[] interleave(int[] planar, int spp) {
    int plane = planar.length / spp;
    int[] out = new int[planar.length];
    for (int i = 0; i < plane; i++) {
      for (int s = 0; s < spp; s++) {
        out[i * spp + s] = planar[s * plane + i];
      }
    }
    return out;
  }

  /** Y0 Y1 Cb Cr per pair of pixels to Y Cb Cr per pixel. */
  private static int[] upsample422(int[] stored, int rows, int columns) {
    int[] out = new int[rows * columns * 3];
    int pairs = rows * columns / 2;
    for (int p = 0; p < pairs; p++) {
      int y0 = stored[4 * p];
      int y1 = stored[4 * p + 1];
      int cb = stored[4 * p + 2];
      int cr = stored[4 * p + 3];
      out[6 * p] = y0;
      out[6 * p + 1] = cb;
      out[6 * p + 2] = cr;
      out[6 * p + 3] = y1;
      out[6 * p + 4] = cb;
      out[6 * p + 5] = cr;
    }
    return out;
  }
}
