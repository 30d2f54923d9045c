package org.medvqa.dicom;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads DICOM objects from files (Part 10, or a bare data set without the meta header). A file that
 * is not a readable DICOM object fails with {@link DicomFormatException}; other {@link IOException}s
 * are the file system's (missing file, no permission).
 */
public interface DicomReader {
  /** The metadata, without decoding pixel data. */
  DicomInfo readInfo(Path file) throws IOException;

  /** Frame {@code frameIndex} (0-based) decoded to stored values. */
  DicomFrame decodeFrame(Path file, int frameIndex) throws IOException;

  /** Metadata and one decoded frame from a single read of the file. */
  default DecodedImage read(Path file, int frameIndex) throws IOException {
    return new DecodedImage(readInfo(file), decodeFrame(file, frameIndex));
  }

  /**
   * Like {@link #read}, for model input of at least {@code minColumns x minRows}: a codec that can
   * decode a lower resolution directly (JPEG 2000's wavelet levels) may return a frame smaller than
   * Rows x Columns but still covering that size, which {@link ImagePipeline} then resizes as usual.
   * Never for exact pixels ({@code pixels.sha256}, rendering): use {@link #read} there.
   */
  default DecodedImage readForModel(Path file, int frameIndex, int minColumns, int minRows) throws IOException {
    return read(file, frameIndex);
  }

  /** Metadata together with one of its frames. */
  record DecodedImage(DicomInfo info, DicomFrame frame) {}
}
