package org.medvqa.plugin.service;

/**
 * The port to DICOM SR writing: an UNVERIFIED Comprehensive SR that references the instance the
 * answer is about and copies its patient and study modules, with the algorithm name and version.
 */
@FunctionalInterface
public interface SrWriter {

  /** Returns the Part-10 bytes of the SR and its SOP Instance UID. */
  WrittenSr write(byte[] referencedInstance, String question, AskResult result);

  /** A written SR. */
  record WrittenSr(byte[] part10, String sopInstanceUid) {}
}
