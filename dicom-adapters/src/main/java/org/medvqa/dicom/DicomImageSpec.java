package org.medvqa.dicom;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What {@link DicomImageWriter} writes: 16-bit grayscale stored values and the metadata of one
 * image. Build with {@link #builder()}: {@code setX} for what is required (patient, study, series,
 * modality, pixels), {@code optX} for the rest; {@code build()} says what is missing.
 *
 * <p>{@code pixels} are stored values, row-major, {@code rows * columns} of them; with {@code
 * signed} they are two's complement 16-bit, else unsigned (0..65535 held in a short). Modality
 * values are {@code slope * stored + intercept}.
 */
public record DicomImageSpec(
    PatientIdentity patient,
    String studyInstanceUid,
    String seriesInstanceUid,
    String sopInstanceUid,
    String frameOfReferenceUid,
    String modality,
    String studyDate,
    String studyTime,
    String studyId,
    String accessionNumber,
    String studyDescription,
    String seriesDescription,
    int seriesNumber,
    int instanceNumber,
    String bodyPartExamined,
    int rows,
    int columns,
    short[] pixels,
    boolean signed,
    int bitsStored,
    String photometricInterpretation,
    double rescaleSlope,
    double rescaleIntercept,
    VoiWindow window,
    double[] pixelSpacing,
    double sliceThickness,
    double[] imagePositionPatient,
    double[] imageOrientationPatient) {

  public static Builder builder() {
    return new Builder();
  }

  /** A UID under the UUID-derived root 2.25 (PS3.5 B.2), deterministic in {@code seed}. */
  public static String uidFrom(String seed) {
    UUID uuid = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    BigInteger value = new BigInteger(1, toBytes(uuid));
    return "2.25." + value;
  }

  /** A fresh random UID under 2.25. */
  public static String newUid() {
    return "2.25." + new BigInteger(1, toBytes(UUID.randomUUID()));
  }

  private static byte[] toBytes(UUID uuid) {
    byte[] b = new byte[16];
    long hi = uuid.getMostSignificantBits();
    long lo = uuid.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return b;
  }

  /** Builder: required {@code set*}, optional {@code opt*}. */
  public static final class Builder {
    private PatientIdentity patient;
    private String studyInstanceUid;
    private String seriesInstanceUid;
    private String sopInstanceUid;
    private String frameOfReferenceUid;
    private String modality;
    private String studyDate = "";
    private String studyTime = "";
    private String studyId = "";
    private String accessionNumber = "";
    private String studyDescription = "";
    private String seriesDescription = "";
    private int seriesNumber = 1;
    private int instanceNumber = 1;
    private String bodyPartExamined = "";
    private int rows;
    private int columns;
    private short[] pixels;
    private boolean signed;
    private int bitsStored = 16;
    private String photometric = "MONOCHROME2";
    private double rescaleSlope = 1;
    private double rescaleIntercept;
    private VoiWindow window;
    private double[] pixelSpacing;
    private double sliceThickness = Double.NaN;
    private double[] imagePositionPatient;
    private double[] imageOrientationPatient;

    public Builder setPatient(PatientIdentity value) { patient = value; return this; }
    public Builder setStudyInstanceUid(String value) { studyInstanceUid = value; return this; }
    public Builder setSeriesInstanceUid(String value) { seriesInstanceUid = value; return this; }
    public Builder setModality(String value) { modality = value; return this; }

    /** Stored values, row-major, {@code rows * columns} of them. */
    public Builder setPixels(int rows, int columns, short[] values) {
      this.rows = rows;
      this.columns = columns;
      this.pixels = values;
      return this;
    }

    /** Default: a fresh random UID. */
    public Builder optSopInstanceUid(String value) { sopInstanceUid = value; return this; }
    /** Default: derived from the series UID, so all slices of a series share it. */
    public Builder optFrameOfReferenceUid(String value) { frameOfReferenceUid = value; return this; }
    public Builder optStudyDate(String yyyymmdd) { studyDate = yyyymmdd; return this; }
    public Builder optStudyTime(String hhmmss) { studyTime = hhmmss; return this; }
    public Builder optStudyId(String value) { studyId = value; return this; }
    public Builder optAccessionNumber(String value) { accessionNumber = value; return this; }
    public Builder optStudyDescription(String value) { studyDescription = value; return this; }
    public Builder optSeriesDescription(String value) { seriesDescription = value; return this; }
    public Builder optSeriesNumber(int value) { seriesNumber = value; return this; }
    public Builder optInstanceNumber(int value) { instanceNumber = value; return this; }
    public Builder optBodyPartExamined(String value) { bodyPartExamined = value; return this; }
    /** Default false: unsigned. */
    public Builder optSigned(boolean value) { signed = value; return this; }
    /** Default 16 (CT must be 12..16). */
    public Builder optBitsStored(int value) { bitsStored = value; return this; }
    /** MONOCHROME2 (default) or MONOCHROME1. */
    public Builder optPhotometricInterpretation(String value) { photometric = value; return this; }
    public Builder optRescale(double slope, double intercept) {
      rescaleSlope = slope;
      rescaleIntercept = intercept;
      return this;
    }
    public Builder optWindow(VoiWindow value) { window = value; return this; }
    /** Row spacing then column spacing, mm. */
    public Builder optPixelSpacing(double row, double column) { pixelSpacing = new double[] {row, column}; return this; }
    public Builder optSliceThickness(double mm) { sliceThickness = mm; return this; }
    public Builder optImagePositionPatient(double x, double y, double z) {
      imagePositionPatient = new double[] {x, y, z};
      return this;
    }
    /** Row direction cosines then column direction cosines. */
    public Builder optImageOrientationPatient(double[] sixCosines) {
      imageOrientationPatient = sixCosines.clone();
      return this;
    }

    public DicomImageSpec build() {
      StringBuilder missing = new StringBuilder();
      if (patient == null) missing.append(" patient");
      if (studyInstanceUid == null || studyInstanceUid.isBlank()) missing.append(" studyInstanceUid");
      if (seriesInstanceUid == null || seriesInstanceUid.isBlank()) missing.append(" seriesInstanceUid");
      if (modality == null || modality.isBlank()) missing.append(" modality");
      if (pixels == null) missing.append(" pixels");
      if (!missing.isEmpty()) {
        throw new IllegalStateException("DicomImageSpec is missing:" + missing);
      }
      if (rows <= 0 || columns <= 0 || rows > 65535 || columns > 65535
          || (long) rows * columns != pixels.length) {
        throw new IllegalArgumentException("pixels must hold rows*columns values: " + rows + "x"
            + columns + " vs " + pixels.length);
      }
      if (bitsStored < 1 || bitsStored > 16) {
        throw new IllegalArgumentException("bitsStored must be 1..16: " + bitsStored);
      }
      if (!photometric.equals("MONOCHROME1") && !photometric.equals("MONOCHROME2")) {
        throw new IllegalArgumentException("photometric must be MONOCHROME1 or MONOCHROME2: " + photometric);
      }
      if (rescaleSlope == 0 || !Double.isFinite(rescaleSlope) || !Double.isFinite(rescaleIntercept)) {
        throw new IllegalArgumentException("rescale slope must be finite and non-zero");
      }
      if (imageOrientationPatient != null && imageOrientationPatient.length != 6) {
        throw new IllegalArgumentException("image orientation needs 6 direction cosines");
      }
      return new DicomImageSpec(patient, studyInstanceUid, seriesInstanceUid,
          sopInstanceUid == null ? newUid() : sopInstanceUid,
          frameOfReferenceUid == null ? uidFrom("frame-of-reference:" + seriesInstanceUid) : frameOfReferenceUid,
          modality, studyDate, studyTime, studyId, accessionNumber, studyDescription, seriesDescription,
          seriesNumber, instanceNumber, bodyPartExamined, rows, columns, pixels, signed, bitsStored,
          photometric, rescaleSlope, rescaleIntercept, window, pixelSpacing, sliceThickness,
          imagePositionPatient, imageOrientationPatient);
    }
  }
}
