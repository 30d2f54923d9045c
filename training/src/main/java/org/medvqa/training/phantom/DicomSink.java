package org.medvqa.training.phantom;

import java.io.IOException;
import java.nio.file.Path;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomImageSpec;
import org.medvqa.dicom.PatientIdentity;
import org.medvqa.dicom.VoiWindow;

/**
 * Writes a phantom as a Part-10 DICOM file through dicom-adapters: CT Image, MR Image or CR Image
 * storage with the kind's modality, body part, rescale (CT stores HU + 1024), VOI window and pixel
 * spacing. One study and one series per phantom. All UIDs derive from the dataset seed and the
 * phantom id (UUID-derived 2.25 roots), and dates are fixed, so the same seed gives the same bytes.
 */
final class DicomSink implements PhantomImageSink {
  /** A fixed acquisition date: phantoms have no real one, and the clock must not leak into files. */
  static final String STUDY_DATE = "20240101";

  private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

  @Override
  public String extension() {
    return "dcm";
  }

  @Override
  public void write(PhantomSpec spec, short[] stored, int size, long seed, Path file) throws IOException {
    PhantomKind kind = spec.kind();
    String base = "medvqa-phantomvqa:" + seed + ":" + spec.id();
    double spacing = spec.pixelSpacingMm(size);
    DicomImageSpec.Builder b = DicomImageSpec.builder()
        .setPatient(new PatientIdentity("PV" + String.format("%06d", spec.index()),
            "Phantom^" + spec.id(), "", "O"))
        .setStudyInstanceUid(DicomImageSpec.uidFrom(base + ":study"))
        .setSeriesInstanceUid(DicomImageSpec.uidFrom(base + ":series"))
        .setModality(kind.dicomModality())
        .setPixels(size, size, stored)
        .optSopInstanceUid(DicomImageSpec.uidFrom(base + ":image"))
        .optFrameOfReferenceUid(DicomImageSpec.uidFrom(base + ":frame"))
        .optStudyDate(STUDY_DATE)
        .optStudyTime("120000")
        .optStudyId(spec.id())
        .optAccessionNumber("PV" + spec.index())
        .optStudyDescription("PhantomVQA " + kind.seriesDescription())
        .optSeriesDescription(kind.seriesDescription())
        .optSeriesNumber(1)
        .optInstanceNumber(1)
        .optBodyPartExamined(kind.bodyPart())
        .optBitsStored(12)
        .optRescale(1, kind.rescaleIntercept())
        .optWindow(new VoiWindow(kind.windowCenter(), kind.windowWidth()))
        .optPixelSpacing(spacing, spacing);
    if (kind.dicomModality().equals("CT") || kind.dicomModality().equals("MR")) {
      double half = spacing * size / 2;
      b.optSliceThickness(5).optImageOrientationPatient(AXIAL).optImagePositionPatient(-half, -half, 0);
    }
    Dicom.writer().write(b.build(), file);
  }
}
