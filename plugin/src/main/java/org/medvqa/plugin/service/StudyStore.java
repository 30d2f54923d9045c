package org.medvqa.plugin.service;

import java.nio.file.Path;
import java.util.List;

/**
 * The port to where studies live: a PACS over DICOMweb or DIMSE, or a local folder.
 * Implementations throw {@link StudyAccessException} with the kind of failure.
 */
public interface StudyStore {

  /** Studies to offer in the study picker (at most {@code limit}). */
  List<StudySummary> studies(int limit);

  /**
   * Writes the Part-10 files of every instance the reference selects into {@code destinationDir}
   * (an empty scratch folder the caller deletes) and returns them.
   */
  List<Path> instances(StudyRef ref, Path destinationDir);

  /** Stores one Part-10 file (an SR) back into the source. */
  void store(Path part10);

  /** A short description for health and logs, e.g. {@code dicomweb http://127.0.0.1:8042/dicom-web}. */
  String describe();
}
