package org.medvqa.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.CompressedFrameDecoder;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomFrame;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.FrameDecoder;
import org.medvqa.dicom.TransferSyntaxes;
import org.medvqa.dicom.UnsupportedTransferSyntaxException;
import org.medvqa.dicom.codec.CodestreamException;
import org.medvqa.dicom.codec.LosslessJpegDecoder;
import org.medvqa.dicom.codec.UnsupportedCodestreamException;

/**
 * Decodes one frame of encapsulated pixel data: RLE and JPEG lossless with the project's own decoders,
 * JPEG 2000 with jai-imageio ({@link Jpeg2000Frames}), JPEG with PixelMed's {@link CompressedFrameDecoder}
 * (the ImageIO readers on the class path),
 * handing JPEG-LS and 12-bit lossy JPEG to the fallback decoder. Before any decoder runs, the
 * frame's size is checked against what the codestream can justify ({@link CodestreamCheck}).
 */
final class CompressedFrames {
  /** A decoded frame may be at most this many times its compressed size (plus a floor). */
  private static final long MAX_EXPANSION = 2000;
  private static final long FLOOR_BYTES = 64L << 20;
  private static final long MAX_FRAME_BYTES = 1L << 30;

  /**
   * PixelMed rescans the whole class path for ImageIO plugins in every decoder's constructor (about
   * 100 ms); a decoder per thread and frame geometry is built once and fed one codestream at a time.
   */
  private static final ThreadLocal<Map<DecoderKey, CompressedFrameDecoder>> DECODERS =
      ThreadLocal.withInitial(HashMap::new);

  private record DecoderKey(String ts, int bytesPerSample, int columns, int rows, int samples) {}

  private static CompressedFrameDecoder newDecoder(DecoderKey key) {
    try {
      return new CompressedFrameDecoder(key.ts(), key.bytesPerSample(), key.columns(), key.rows(), key.samples(),
          ColorSpace.getInstance(key.samples() == 3 ? ColorSpace.CS_sRGB : ColorSpace.CS_GRAY));
    } catch (DicomException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private CompressedFrames() {}

  static DicomFrame decode(String name, Path file, DicomInfo info, Attribute pixelData, int frameIndex,
      FrameDecoder fallback) throws DicomException, IOException {
    return decode(name, file, info, pixelData, frameIndex, fallback, 0, 0);
  }

  /**
   * @param minColumns with {@code minRows}, the smallest size the caller needs (model input), or 0
   *     for full resolution; JPEG 2000 frames are then decoded at the coarsest wavelet level that
   *     still covers it, so the returned frame may be smaller than Rows x Columns
   */
  static DicomFrame decode(String name, Path file, DicomInfo info, Attribute pixelData, int frameIndex,
      FrameDecoder fallback, int minColumns, int minRows) throws DicomException, IOException {
    String ts = info.transferSyntaxUid();
    if (!(pixelData instanceof OtherByteAttributeMultipleCompressedFrames compressed)) {
      throw new DicomFormatException(name + ": encapsulated pixel data could not be split into frames");
    }
    byte[][] frames = compressed.getFrames();
    if (frames == null || frames.length == 0) {
      throw new DicomFormatException(name + ": encapsulated pixel data holds no fragments");
    }
    if (frames.length < info.frames() && frameIndex >= frames.length) {
      throw new DicomFormatException(name + ": frame " + (frameIndex + 1) + " requested, but the "
          + "encapsulated pixel data holds only " + frames.length + " frame(s)");
    }
    byte[] codestream = frames[Math.min(frameIndex, frames.length - 1)];
    int bytesPerSample = (info.bitsAllocated() + 7) / 8;
    long frameBytes = (long) info.rows() * info.columns() * info.samplesPerPixel() * Math.max(1, bytesPerSample);
    if (frameBytes > MAX_FRAME_BYTES || frameBytes > Math.max(FLOOR_BYTES, MAX_EXPANSION * codestream.length)) {
      throw new DicomFormatException(String.format("%s: %dx%dx%d frame of %d bytes cannot come from a "
          + "%d-byte codestream (forged Rows/Columns?)", name, info.columns(), info.rows(),
          info.samplesPerPixel(), frameBytes, codestream.length));
    }
    CodestreamCheck.verify(name, ts, codestream, info);

    if (!needsFallback(info) && fallback != null && CodestreamCheck.misreadByImageIo(ts, codestream, info.photometricInterpretation())
        && fallback.available()) {
      requireSafeForGdcm(name, ts, codestream);
      return fallback.decode(file, frameIndex);
    }
    if (needsFallback(info)) {
      if (fallback == null || !fallback.available()) {
        throw new UnsupportedTransferSyntaxException(ts, "needs the GDCM decoder, which is not available"
            + " (install libgdcm-java and run with -Djava.library.path=/usr/lib/x86_64-linux-gnu/jni)");
      }
      requireSafeForGdcm(name, ts, codestream);
      return fallback.decode(file, frameIndex);
    }
    if (!isSupported(ts)) {
      throw new UnsupportedTransferSyntaxException(ts, null);
    }
    if (TransferSyntaxes.RLE_LOSSLESS.equals(ts)) {
      int[] raw = RleFrameDecoder.decode(name, codestream, info);
      return new DicomFrame(info.rows(), info.columns(), info.samplesPerPixel(),
          info.photometricInterpretation(), storedValues(raw, info));
    }
    if (TransferSyntaxes.JPEG_LOSSLESS_P14.equals(ts) || TransferSyntaxes.JPEG_LOSSLESS_SV1.equals(ts)) {
      DicomFrame frame = losslessJpeg(name, info, codestream, frameIndex);
      if (frame != null) {
        return frame;
      }
    }
    if (TransferSyntaxes.JPEG_2000.equals(ts) || TransferSyntaxes.JPEG_2000_LOSSLESS.equals(ts)) {
      return jpeg2000(name, info, codestream, frameIndex, minColumns, minRows);
    }
    BufferedImage image;
    boolean convertedToRgb;
    try {
      DecoderKey key = new DecoderKey(ts, bytesPerSample, info.columns(), info.rows(), info.samplesPerPixel());
      boolean[] converted = new boolean[1];
      image = Watchdog.call(name, () -> {
        CompressedFrameDecoder decoder = DECODERS.get().computeIfAbsent(key, CompressedFrames::newDecoder);
        BufferedImage decoded = decoder.getDecompressedFrameAsBufferedImage(codestream);
        converted[0] = decoder.getColorSpaceConvertedToRGBDuringDecompression();
        return decoded;
      });
      convertedToRgb = converted[0];
    } catch (DicomFormatException e) {
      throw e;
    } catch (Exception e) {
      throw new DicomFormatException(name + ": broken or undecodable " + TransferSyntaxes.describe(ts)
          + " codestream in frame " + (frameIndex + 1) + ": " + oneLine(e), e);
    }
    if (image == null) {
      throw new DicomFormatException(name + ": the " + TransferSyntaxes.describe(ts)
          + " decoder returned no image for frame " + (frameIndex + 1));
    }
    return toFrame(name, info, image.getRaster(), convertedToRgb, info.columns(), info.rows());
  }

  private static DicomFrame jpeg2000(String name, DicomInfo info, byte[] codestream, int frameIndex,
      int minColumns, int minRows) throws DicomFormatException {
    int reduction = Jpeg2000Frames.reductionFor(codestream, info.columns(), info.rows(), minColumns, minRows);
    Raster raster;
    try {
      raster = Watchdog.call(name, () -> Jpeg2000Frames.decode(codestream, reduction));
    } catch (DicomFormatException e) {
      throw e;
    } catch (Exception e) {
      throw new DicomFormatException(name + ": broken or undecodable " + TransferSyntaxes.describe(info.transferSyntaxUid())
          + " codestream in frame " + (frameIndex + 1) + ": " + oneLine(e), e);
    }
    if (raster == null) {
      throw new DicomFormatException(name + ": the JPEG 2000 decoder returned no image for frame " + (frameIndex + 1));
    }
    int columns = (info.columns() + (1 << reduction) - 1) >> reduction;
    int rows = (info.rows() + (1 << reduction) - 1) >> reduction;
    return toFrame(name, info, raster, false, columns, rows);
  }

  /**
   * Lossless JPEG through the project's own {@link LosslessJpegDecoder}; null when the codestream uses
   * a feature it leaves to PixelMed's decoder (subsampling, restarts inside a row, another process).
   */
  private static DicomFrame losslessJpeg(String name, DicomInfo info, byte[] codestream, int frameIndex)
      throws DicomFormatException {
    LosslessJpegDecoder.Image image;
    try {
      image = LosslessJpegDecoder.decode(codestream);
    } catch (UnsupportedCodestreamException e) {
      return null;
    } catch (CodestreamException e) {
      throw new DicomFormatException(name + ": broken JPEG Lossless codestream in frame " + (frameIndex + 1)
          + ": " + e.getMessage(), e);
    }
    if (image.components() != info.samplesPerPixel()) {
      throw new DicomFormatException(String.format("%s: codestream has %d components but Samples per "
          + "Pixel is %d", name, image.components(), info.samplesPerPixel()));
    }
    return new DicomFrame(info.rows(), info.columns(), image.components(), info.photometricInterpretation(),
        storedValues(image.samples(), info));
  }

  /** GDCM aborts the JVM (assert) on a JPEG header libjpeg only warns about: such streams are refused here. */
  private static void requireSafeForGdcm(String name, String ts, byte[] codestream) throws DicomFormatException {
    if (TransferSyntaxes.JPEG_2000.equals(ts) || TransferSyntaxes.JPEG_2000_LOSSLESS.equals(ts)) {
      return; // checked by CodestreamCheck.verify
    }
    String problem = CodestreamCheck.jpegHeaderProblem(codestream);
    if (problem != null) {
      throw new DicomFormatException(name + ": broken " + TransferSyntaxes.describe(ts) + " codestream: " + problem);
    }
  }

  static boolean needsFallback(DicomInfo info) {
    String ts = info.transferSyntaxUid();
    return TransferSyntaxes.JPEG_LS_LOSSLESS.equals(ts) || TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS.equals(ts)
        || ((TransferSyntaxes.JPEG_EXTENDED.equals(ts) || TransferSyntaxes.JPEG_BASELINE.equals(ts))
            && info.bitsStored() > 8);
  }

  private static boolean isSupported(String ts) {
    return TransferSyntaxes.JPEG_BASELINE.equals(ts) || TransferSyntaxes.JPEG_EXTENDED.equals(ts)
        || TransferSyntaxes.JPEG_LOSSLESS_P14.equals(ts) || TransferSyntaxes.JPEG_LOSSLESS_SV1.equals(ts)
        || TransferSyntaxes.JPEG_2000_LOSSLESS.equals(ts) || TransferSyntaxes.JPEG_2000.equals(ts)
        || TransferSyntaxes.RLE_LOSSLESS.equals(ts);
  }

  /** A decoded raster that must be {@code columns x rows} (Rows/Columns, or a reduced-resolution size). */
  private static DicomFrame toFrame(String name, DicomInfo info, Raster raster, boolean convertedToRgb,
      int columns, int rows) throws DicomFormatException {
    if (raster.getWidth() != columns || raster.getHeight() != rows) {
      throw new DicomFormatException(String.format("%s: codestream is %dx%d but Rows/Columns say %dx%d",
          name, raster.getWidth(), raster.getHeight(), columns, rows));
    }
    int bands = raster.getNumBands();
    if (bands != info.samplesPerPixel()) {
      throw new DicomFormatException(String.format("%s: codestream has %d components but Samples per "
          + "Pixel is %d", name, bands, info.samplesPerPixel()));
    }
    int[] samples = storedValues(
        raster.getPixels(raster.getMinX(), raster.getMinY(), raster.getWidth(), raster.getHeight(), (int[]) null), info);
    String photometric = info.photometricInterpretation();
    if (bands == 3 && (convertedToRgb || photometric.equals("YBR_ICT") || photometric.equals("YBR_RCT"))) {
      photometric = "RGB";
    }
    return new DicomFrame(rows, columns, bands, photometric, samples);
  }

  /** Raw decoded samples to stored values: the Bits Stored below High Bit, sign-extended if signed. */
  private static int[] storedValues(int[] samples, DicomInfo info) {
    int bitsStored = info.bitsStored();
    if (bitsStored >= 32) {
      return samples;
    }
    int shift = Math.max(0, info.highBit() + 1 - bitsStored);
    int mask = (1 << bitsStored) - 1;
    boolean signed = info.isSigned();
    int signBit = 1 << (bitsStored - 1);
    for (int i = 0; i < samples.length; i++) {
      int v = (samples[i] >>> shift) & mask;
      samples[i] = signed && (v & signBit) != 0 ? v - (1 << bitsStored) : v;
    }
    return samples;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }
}
