package org.medvqa.dicom;

import org.medvqa.dicom.gdcm.GdcmFrameDecoder;
import org.medvqa.dicom.pixelmed.PixelMedImageWriter;
import org.medvqa.dicom.pixelmed.PixelMedReader;

/**
 * The entry point: the default reader (PixelMed, with GDCM as the optional fallback decoder for
 * JPEG-LS and 12-bit lossy JPEG) and the default writer. Readers and writers are stateless and
 * thread-safe.
 */
public final class Dicom {
  private static final FrameDecoder GDCM = new GdcmFrameDecoder();
  private static final DicomReader READER = new PixelMedReader(GDCM);
  private static final DicomImageWriter WRITER = new PixelMedImageWriter();

  private Dicom() {}

  public static DicomReader reader() {
    return READER;
  }

  /** The GDCM decoder on its own (check {@link FrameDecoder#available()}). */
  public static FrameDecoder gdcm() {
    return GDCM;
  }

  public static DicomImageWriter writer() {
    return WRITER;
  }

  /** A {@link SeriesIndex} over the default reader. */
  public static SeriesIndex seriesIndex() {
    return new SeriesIndex(READER);
  }
}
