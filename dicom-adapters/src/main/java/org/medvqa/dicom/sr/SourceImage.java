package org.medvqa.dicom.sr;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The image an answer is about: its identity (study, series, instance, SOP class) and the patient and
 * study attributes an SR in the same study must repeat. Read from the file's header.
 */
public record SourceImage(
    String studyInstanceUid,
    String seriesInstanceUid,
    String sopInstanceUid,
    String sopClassUid,
    String patientName,
    String patientId,
    String patientBirthDate,
    String patientSex,
    String studyDate,
    String studyTime,
    String studyId,
    String accessionNumber,
    String referringPhysicianName,
    String studyDescription) {

  public SourceImage {
    if (isBlank(studyInstanceUid) || isBlank(seriesInstanceUid) || isBlank(sopInstanceUid) || isBlank(sopClassUid)) {
      throw new IllegalArgumentException("the source image needs study, series, instance and SOP class UIDs");
    }
  }

  /** Reads the identifying attributes from a DICOM file (the pixel data is not read). */
  public static SourceImage fromFile(Path file) throws IOException {
    AttributeList list = new AttributeList();
    try {
      list.read(file.toString(), TagFromName.PixelData);
    } catch (DicomException e) {
      throw new IOException(file + " is not a readable DICOM file: " + e.getMessage(), e);
    }
    try {
      return new SourceImage(
          s(list, TagFromName.StudyInstanceUID), s(list, TagFromName.SeriesInstanceUID),
          s(list, TagFromName.SOPInstanceUID), s(list, TagFromName.SOPClassUID),
          s(list, TagFromName.PatientName), s(list, TagFromName.PatientID), s(list, TagFromName.PatientBirthDate),
          s(list, TagFromName.PatientSex), s(list, TagFromName.StudyDate), s(list, TagFromName.StudyTime),
          s(list, TagFromName.StudyID), s(list, TagFromName.AccessionNumber),
          s(list, TagFromName.ReferringPhysicianName), s(list, TagFromName.StudyDescription));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static String s(AttributeList list, AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
