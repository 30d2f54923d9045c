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

  /** Metadata together with one of its frames. */
  record DecodedImage(DicomInfo info, DicomFrame frame) {}
}
