package org.medvqa.plugin.adapters;

import java.nio.file.Path;
import java.util.List;
import org.medvqa.plugin.service.BadRequestException;
import org.medvqa.plugin.service.DecodedStudy;
import org.medvqa.plugin.service.DicomDecoder;

/** DICOM files to model-ready slices through the {@code dicom-adapters} image pipeline. */
final class PipelineDecoder implements DicomDecoder {
  @Override
  public DecodedStudy decode(List<Path> part10Files) {
    throw new BadRequestException("DICOM decoding is not available in this build yet");
  }
}
