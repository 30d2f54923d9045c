package org.medvqa.dicom;

/**
 * The protected health information of a DICOM object, kept apart from {@link DicomInfo} so that
 * logging metadata never logs a patient. {@link #toString()} is redacted on purpose; read the
 * components explicitly where PHI is really needed (display to an authorised user, SR writing).
 *
 * @param patientId (0010,0020), "" when absent
 * @param patientName (0010,0010) as stored (DICOM PN, e.g. {@code Doe^Jane}), "" when absent
 * @param birthDate (0010,0030) as stored (YYYYMMDD), "" when absent
 * @param sex (0010,0040), "" when absent
 */
public record PatientIdentity(String patientId, String patientName, String birthDate, String sex) {
  public static final PatientIdentity EMPTY = new PatientIdentity("", "", "", "");

  public PatientIdentity {
    patientId = patientId == null ? "" : patientId;
    patientName = patientName == null ? "" : patientName;
    birthDate = birthDate == null ? "" : birthDate;
    sex = sex == null ? "" : sex;
  }

  @Override
  public String toString() {
    return "PatientIdentity[redacted]";
  }
}
