package org.medvqa.plugin.service;

import java.nio.file.Path;

/**
 * The port to DICOM SR writing: an UNVERIFIED Comprehensive SR that references the instance the
 * answer is about and copies its patient and study modules, with the algorithm name and version.
 */
@FunctionalInterface
public interface SrWriter {

  /** Writes the SR as a Part-10 file in {@code directory}. */
  WrittenSr write(Path referencedInstance, String question, AskResult result, Path directory);

  /** The SR file and its SOP Instance UID. */
  record WrittenSr(Path file, String sopInstanceUid) {}
}
