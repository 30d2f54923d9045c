package org.medvqa.dicom.pixelmed;

import com.github.jaiimageio.jpeg2000.J2KImageReadParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * JPEG 2000 through jai-imageio's jj2000 decoder, driven directly: a reader made from its SPI (no
 * ImageIO registry scan), the codestream read from memory, and {@code readRaster} so the samples come
 * out of the codec's own raster without a BufferedImage and colour-model round trip.
 *
 * <p>For model input, {@link #reductionFor} picks how many of the codestream's wavelet levels to
 * leave out (PS 15444-1 Annex F: dropping the r finest levels leaves the image at
 * ceil(size / 2^r), already low-pass filtered by the synthesis) so the smallest decoded size still
 * covers the requested one; the entropy decoding of the finest subbands, most of the codec's work,
 * is skipped. Exact pixels ({@code pixels.sha256}, rendering) always use reduction 0.
 */
final class Jpeg2000Frames {
  private static final J2KImageReaderSpi SPI = new J2KImageReaderSpi();

  private Jpeg2000Frames() {}

  /**
   * Decodes the whole image, or with {@code reduction} > 0 the image at 1/2^reduction of its size.
   * jj2000 keeps its decoding state per reader, so each frame gets a fresh one (cheap, no scan).
   */
  static Raster decode(byte[] codestream, int reduction) throws IOException {
    J2KImageReader reader = new J2KImageReader(SPI);
    try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(codestream))) {
      reader.setInput(in, true, true);
      J2KImageReadParam param = new J2KImageReadParam();
      if (reduction > 0) {
        param.setResolution(levels(codestream) - reduction);
      }
      return reader.readRaster(0, param);
    } finally {
      reader.dispose();
    }
  }

  /**
   * The number of finest wavelet levels to drop so the image stays at least {@code minColumns} x
   * {@code minRows}: the largest r up to the codestream's decomposition levels with
   * ceil(columns / 2^r) >= minColumns and ceil(rows / 2^r) >= minRows.
   */
  static int reductionFor(byte[] codestream, int columns, int rows, int minColumns, int minRows) {
    if (minColumns <= 0 || minRows <= 0) {
      return 0;
    }
    int max = levels(codestream);
    int r = 0;
    while (r < max && ceilShift(columns, r + 1) >= minColumns && ceilShift(rows, r + 1) >= minRows) {
      r++;
    }
    return r;
  }

  private static int ceilShift(int size, int r) {
    return (size + (1 << r) - 1) >> r;
  }

  /**
   * Decomposition levels that every component has: the smallest of the main header's COD and COC
   * values (0 when the header cannot be read, which disables reduction).
   */
  static int levels(byte[] b) {
    int pos = -1;
    for (int i = 0; i + 3 < Math.min(b.length, 64 * 1024); i++) {
      if ((b[i] & 0xFF) == 0xFF && b[i + 1] == 0x4F && (b[i + 2] & 0xFF) == 0xFF && b[i + 3] == 0x51) {
        pos = i + 2;
        break;
      }
    }
    if (pos < 0) {
      return 0;
    }
    int levels = Integer.MAX_VALUE;
    int components = 0;
    while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF && (b[pos + 1] & 0xFF) != 0x90) {
      int marker = b[pos + 1] & 0xFF;
      int length = (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF);
      if (length < 2 || pos + 2 + length > b.length) {
        return 0;
      }
      if (marker == 0x51 && length >= 38) { // SIZ: Csiz at offset 38 from the marker
        components = (b[pos + 38] & 0xFF) << 8 | (b[pos + 39] & 0xFF);
      } else if (marker == 0x52 && length >= 12) { // COD: Scod, progression, layers(2), MCT, levels
        levels = Math.min(levels, b[pos + 9] & 0xFF);
      } else if (marker == 0x53) { // COC: Ccoc is 1 byte (< 257 components) or 2, then Scoc, levels
        int at = pos + 4 + (components < 257 ? 1 : 2) + 1;
        if (at < pos + 2 + length) {
          levels = Math.min(levels, b[at] & 0xFF);
        }
      }
      pos += 2 + length;
    }
    return levels == Integer.MAX_VALUE ? 0 : levels;
  }
}
