package org.medvqa.plugin.service;

import java.util.List;

/**
 * The port to where studies live: a PACS over DICOMweb or DIMSE, or a local folder.
 * Implementations throw {@link StudyAccessException} with the kind of failure.
 */
public interface StudyStore {

  /** Studies to offer in the study picker (at most {@code limit}). */
  List<StudySummary> studies(int limit);

  /** The Part-10 bytes of every instance the reference selects. */
  List<byte[]> instances(StudyRef ref);

  /** Stores one Part-10 instance (an SR) back into the source. */
  void store(byte[] part10);

  /** A short description for health and logs, e.g. {@code dicomweb http://127.0.0.1:8042/dicom-web}. */
  String describe();
}
