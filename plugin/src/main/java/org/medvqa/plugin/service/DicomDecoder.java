package org.medvqa.plugin.service;

import java.nio.file.Path;
import java.util.List;

/**
 * The port to DICOM decoding: Part-10 files to model-ready slices (modality LUT, VOI window,
 * MONOCHROME1 inversion, frames, slice order). Throws {@link BadRequestException} for files that are
 * not decodable DICOM images; the message names no patient data.
 */
@FunctionalInterface
public interface DicomDecoder {
  DecodedStudy decode(List<Path> part10Files);
}
