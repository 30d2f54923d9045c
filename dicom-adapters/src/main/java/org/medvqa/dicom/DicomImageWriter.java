package org.medvqa.dicom;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one single-frame grayscale image as a Part-10 file (Explicit VR Little Endian). The SOP
 * class follows the modality: CT Image, MR Image, CR Image; anything else Secondary Capture Image
 * Storage with the modality kept. Files pass dicom3tools' {@code dciodvfy} without errors.
 */
public interface DicomImageWriter {
  /** Writes {@code image} to {@code file} (replacing it) and returns the SOP Instance UID used. */
  String write(DicomImageSpec image, Path file) throws IOException;
}
