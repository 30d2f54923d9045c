package org.medvqa.dicom.source;

/**
 * Study-level query keys; a null key matches everything. {@code studyDate} is a DICOM date or range
 * ({@code 20240101}, {@code 20240101-20241231}).
 */
public record StudyQuery(
    String patientId, String studyInstanceUid, String modality, String studyDate, String accessionNumber, int limit) {

  public static final int DEFAULT_LIMIT = 100;

  public StudyQuery {
    if (limit <= 0) {
      throw new IllegalArgumentException("query limit must be positive, got " + limit);
    }
  }

  public static StudyQuery all() {
    return new StudyQuery(null, null, null, null, null, DEFAULT_LIMIT);
  }

  public static StudyQuery byStudy(String studyInstanceUid) {
    return all().withStudy(studyInstanceUid);
  }

  public StudyQuery withPatientId(String value) {
    return new StudyQuery(value, studyInstanceUid, modality, studyDate, accessionNumber, limit);
  }

  public StudyQuery withStudy(String value) {
    return new StudyQuery(patientId, value, modality, studyDate, accessionNumber, limit);
  }

  public StudyQuery withModality(String value) {
    return new StudyQuery(patientId, studyInstanceUid, value, studyDate, accessionNumber, limit);
  }

  public StudyQuery withStudyDate(String value) {
    return new StudyQuery(patientId, studyInstanceUid, modality, value, accessionNumber, limit);
  }

  public StudyQuery withLimit(int value) {
    return new StudyQuery(patientId, studyInstanceUid, modality, studyDate, accessionNumber, value);
  }
}
