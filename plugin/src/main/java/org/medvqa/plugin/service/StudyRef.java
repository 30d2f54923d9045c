package org.medvqa.plugin.service;

import java.util.regex.Pattern;

/**
 * A study, optionally narrowed to one series and one instance, by DICOM UIDs. UIDs are checked for
 * the DICOM UID syntax (digits and dots, at most 64 characters), which also keeps them out of paths.
 */
public record StudyRef(String studyUid, String seriesUid, String instanceUid) {
  private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  public StudyRef {
    requireUid("studyInstanceUID", studyUid);
    if (seriesUid != null) {
      requireUid("seriesInstanceUID", seriesUid);
    }
    if (instanceUid != null) {
      requireUid("sopInstanceUID", instanceUid);
    }
  }

  public static StudyRef of(String studyUid) {
    return new StudyRef(studyUid, null, null);
  }

  private static void requireUid(String name, String uid) {
    if (uid == null || uid.isEmpty()) {
      throw new BadRequestException(name + " is required");
    }
    if (uid.length() > 64 || !UID.matcher(uid).matches()) {
      throw new BadRequestException(name + " is not a DICOM UID (digits and dots, at most 64 characters)");
    }
  }
}
