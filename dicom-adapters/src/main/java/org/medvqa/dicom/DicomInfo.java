package org.medvqa.dicom;

import java.util.Arrays;

/**
 * The metadata of one DICOM object that the rest of medvqa needs, read without decoding pixels.
 * Holds no PHI in {@link #toString()}: the patient is in {@link #patient()}, whose own {@code
 * toString} is redacted. Strings are "" when the attribute is absent; numeric arrays are empty when
 * absent; {@code frames} is 1 for a single-frame object; {@code frames} is 0 for objects without
 * pixel data (e.g. SR, RT plan).
 *
 * @param imagePositionPatient (0020,0032) x,y,z in mm, or empty
 * @param imageOrientationPatient (0020,0037) row then column direction cosines (6 values), or empty
 * @param pixelSpacing (0028,0030) row spacing then column spacing in mm, or empty
 * @param sliceThickness (0018,0050) in mm, NaN when absent
 * @param rescaleSlope (0028,1053), 1 when absent
 * @param rescaleIntercept (0028,1052), 0 when absent
 * @param windowCenters (0028,1050) all values, possibly empty
 * @param windowWidths (0028,1051) all values, same count as centres when present
 * @param palette the palette colour lookup table for PALETTE COLOR images, else null
 * @param framePositions per frame of an enhanced multi-frame image, its Image Position (Patient)
 *     from the Per-frame (or Shared) Functional Groups' Plane Position Sequence; empty when the
 *     object has none (then {@code imageOrientationPatient} may also come from the functional groups)
 */
public record DicomInfo(
    String sopClassUid,
    String sopClassName,
    String sopInstanceUid,
    String studyInstanceUid,
    String seriesInstanceUid,
    String modality,
    String transferSyntaxUid,
    int rows,
    int columns,
    int frames,
    int bitsAllocated,
    int bitsStored,
    int highBit,
    int pixelRepresentation,
    int samplesPerPixel,
    int planarConfiguration,
    String photometricInterpretation,
    String bodyPartExamined,
    String studyDescription,
    String seriesDescription,
    String studyDate,
    int seriesNumber,
    int instanceNumber,
    double[] imagePositionPatient,
    double[] imageOrientationPatient,
    double[] pixelSpacing,
    double sliceThickness,
    double rescaleSlope,
    double rescaleIntercept,
    double[] windowCenters,
    double[] windowWidths,
    PaletteLut palette,
    PatientIdentity patient,
    double[][] framePositions) {

  /** An object without per-frame positions (the classic single-frame and multi-frame IODs). */
  public DicomInfo(String sopClassUid, String sopClassName, String sopInstanceUid, String studyInstanceUid,
      String seriesInstanceUid, String modality, String transferSyntaxUid, int rows, int columns, int frames,
      int bitsAllocated, int bitsStored, int highBit, int pixelRepresentation, int samplesPerPixel,
      int planarConfiguration, String photometricInterpretation, String bodyPartExamined,
      String studyDescription, String seriesDescription, String studyDate, int seriesNumber, int instanceNumber,
      double[] imagePositionPatient, double[] imageOrientationPatient, double[] pixelSpacing,
      double sliceThickness, double rescaleSlope, double rescaleIntercept, double[] windowCenters,
      double[] windowWidths, PaletteLut palette, PatientIdentity patient) {
    this(sopClassUid, sopClassName, sopInstanceUid, studyInstanceUid, seriesInstanceUid, modality,
        transferSyntaxUid, rows, columns, frames, bitsAllocated, bitsStored, highBit, pixelRepresentation,
        samplesPerPixel, planarConfiguration, photometricInterpretation, bodyPartExamined, studyDescription,
        seriesDescription, studyDate, seriesNumber, instanceNumber, imagePositionPatient,
        imageOrientationPatient, pixelSpacing, sliceThickness, rescaleSlope, rescaleIntercept, windowCenters,
        windowWidths, palette, patient, null);
  }

  public DicomInfo {
    framePositions = framePositions == null ? new double[0][] : framePositions;
    imagePositionPatient = orEmpty(imagePositionPatient);
    imageOrientationPatient = orEmpty(imageOrientationPatient);
    pixelSpacing = orEmpty(pixelSpacing);
    windowCenters = orEmpty(windowCenters);
    windowWidths = orEmpty(windowWidths);
    patient = patient == null ? PatientIdentity.EMPTY : patient;
  }

  public boolean hasPixels() {
    return rows > 0 && columns > 0 && frames > 0;
  }

  public boolean isSigned() {
    return pixelRepresentation == 1;
  }

  /** The first VOI window of the object, or null when it carries none (or a non-positive width). */
  public VoiWindow firstWindow() {
    if (windowCenters.length == 0 || windowWidths.length == 0 || !(windowWidths[0] > 0)) {
      return null;
    }
    return new VoiWindow(windowCenters[0], windowWidths[0]);
  }

  private static double[] orEmpty(double[] values) {
    return values == null ? new double[0] : values;
  }

  @Override
  public String toString() {
    return "DicomInfo[sopClass=" + sopClassUid + ", sopInstance=" + sopInstanceUid
        + ", study=" + studyInstanceUid + ", series=" + seriesInstanceUid
        + ", modality=" + modality + ", transferSyntax=" + transferSyntaxUid
        + ", " + columns + "x" + rows + "x" + frames + ", bits " + bitsStored + "/" + bitsAllocated
        + (isSigned() ? " signed" : "") + ", spp=" + samplesPerPixel + ", " + photometricInterpretation
        + ", bodyPart=" + bodyPartExamined + ", instance=" + instanceNumber
        + ", position=" + Arrays.toString(imagePositionPatient) + ", patient=" + patient + "]";
  }
}
