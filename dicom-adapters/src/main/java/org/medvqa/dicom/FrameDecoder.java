package org.medvqa.dicom;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A decoder of one frame straight from a file, used as the fallback for what the default reader's
 * codecs cannot do (and as the peer in benchmarks). An optional native library may be missing:
 * {@link #available()} says whether it can be used at all.
 */
public interface FrameDecoder {
  boolean available();

  /** Frame {@code frameIndex} (0-based) as stored values, like {@link DicomReader#decodeFrame}. */
  DicomFrame decode(Path file, int frameIndex) throws IOException;
}
