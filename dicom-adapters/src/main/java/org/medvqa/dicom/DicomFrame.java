package org.medvqa.dicom;

/**
 * One decoded frame: the stored values (after undoing the transfer syntax, before any modality
 * LUT), sign-extended when the pixel representation is signed, samples interleaved, row-major:
 * sample {@code s} of pixel {@code (x, y)} is {@code samples[(y * columns + x) * samplesPerPixel + s]}.
 *
 * @param photometricInterpretation what the samples hold now, which can differ from the file's
 *     tag: a JPEG decoder that converts YBR to RGB yields "RGB"; YBR_FULL_422 is upsampled to
 *     "YBR_FULL"
 */
public record DicomFrame(
    int rows, int columns, int samplesPerPixel, String photometricInterpretation, int[] samples) {
  public DicomFrame {
    if ((long) rows * columns * samplesPerPixel != samples.length) {
      throw new IllegalArgumentException("sample count " + samples.length + " != "
          + rows + "x" + columns + "x" + samplesPerPixel);
    }
  }

  public int sample(int x, int y, int s) {
    return samples[(y * columns + x) * samplesPerPixel + s];
  }

  /** SHA-256 of the samples as little-endian 32-bit signed integers (medvqa's {@code pixels.sha256}). */
  public String sha256() {
    return PixelHash.sha256(samples);
  }
}
