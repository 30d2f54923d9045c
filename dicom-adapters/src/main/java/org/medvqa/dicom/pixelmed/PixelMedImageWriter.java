package org.medvqa.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.medvqa.dicom.DicomImageSpec;
import org.medvqa.dicom.DicomImageWriter;
import org.medvqa.dicom.TransferSyntaxes;

/**
 * Writes a {@link DicomImageSpec} with PixelMed as CT Image, MR Image, CR Image or Secondary Capture
 * Image Storage (Explicit VR Little Endian), with the modules those IODs require: Patient, General
 * Study, General Series, Frame of Reference and Image Plane (CT/MR), General Equipment, General
 * Image, Image Pixel, the modality's own image module, VOI LUT and SOP Common. Type 2 attributes the
 * spec does not carry are written empty, as the standard asks. The file is written next to the
 * target and moved into place, so a reader never sees half a file.
 */
public final class PixelMedImageWriter implements DicomImageWriter {
  private static final String SOURCE_AE = "MEDVQA";

  @Override
  public String write(DicomImageSpec spec, Path file) throws IOException {
    AttributeList list;
    try {
      list = build(spec);
    } catch (DicomException e) {
      throw new IOException("cannot build DICOM object: " + e.getMessage(), e);
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".part");
    try {
      list.write(tmp.toFile(), TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN, true, true);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (DicomException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return spec.sopInstanceUid();
  }

  static String sopClassFor(String modality) {
    return switch (modality) {
      case "CT" -> SOPClass.CTImageStorage;
      case "MR" -> SOPClass.MRImageStorage;
      case "CR" -> SOPClass.ComputedRadiographyImageStorage;
      default -> SOPClass.SecondaryCaptureImageStorage;
    };
  }

  private static AttributeList build(DicomImageSpec spec) throws DicomException {
    AttributeList list = new AttributeList();
    String modality = spec.modality().toUpperCase(Locale.ROOT);
    String sopClass = sopClassFor(modality);
    boolean crossSectional = modality.equals("CT") || modality.equals("MR");

    // SOP Common
    put(list, TagFromName.SOPClassUID, sopClass);
    put(list, TagFromName.SOPInstanceUID, spec.sopInstanceUid());
    // Patient
    put(list, TagFromName.PatientName, spec.patient().patientName());
    put(list, TagFromName.PatientID, spec.patient().patientId());
    put(list, TagFromName.PatientBirthDate, spec.patient().birthDate());
    put(list, TagFromName.PatientSex, spec.patient().sex());
    // General Study
    put(list, TagFromName.StudyInstanceUID, spec.studyInstanceUid());
    put(list, TagFromName.StudyDate, spec.studyDate());
    put(list, TagFromName.StudyTime, spec.studyTime());
    put(list, TagFromName.ReferringPhysicianName, "");
    put(list, TagFromName.StudyID, spec.studyId());
    put(list, TagFromName.AccessionNumber, spec.accessionNumber());
    optional(list, TagFromName.StudyDescription, spec.studyDescription());
    // General Series
    put(list, TagFromName.Modality, modality);
    put(list, TagFromName.SeriesInstanceUID, spec.seriesInstanceUid());
    put(list, TagFromName.SeriesNumber, Integer.toString(spec.seriesNumber()));
    optional(list, TagFromName.SeriesDescription, spec.seriesDescription());
    if (crossSectional) {
      put(list, TagFromName.PatientPosition, "HFS"); // Type 2C for CT and MR; phantoms lie head first supine
    }
    if (modality.equals("CR")) {
      put(list, TagFromName.BodyPartExamined, spec.bodyPartExamined());
      put(list, TagFromName.ViewPosition, "");
    } else {
      optional(list, TagFromName.BodyPartExamined, spec.bodyPartExamined());
    }
    // General Equipment
    put(list, TagFromName.Manufacturer, "medvqa");
    // General Image
    put(list, TagFromName.InstanceNumber, Integer.toString(spec.instanceNumber()));
    if (!crossSectional) {
      put(list, TagFromName.PatientOrientation, "");
    }
    if (!spec.studyDate().isEmpty()) {
      put(list, TagFromName.ContentDate, spec.studyDate());
      put(list, TagFromName.ContentTime, spec.studyTime().isEmpty() ? "000000" : spec.studyTime());
    }
    if (crossSectional) {
      // Frame of Reference, Image Plane
      put(list, TagFromName.FrameOfReferenceUID, spec.frameOfReferenceUid());
      put(list, TagFromName.PositionReferenceIndicator, "");
      put(list, TagFromName.PixelSpacing, spec.pixelSpacing() == null ? new double[] {1, 1} : spec.pixelSpacing());
      put(list, TagFromName.ImageOrientationPatient, spec.imageOrientationPatient() == null
          ? new double[] {1, 0, 0, 0, 1, 0} : spec.imageOrientationPatient());
      put(list, TagFromName.ImagePositionPatient, spec.imagePositionPatient() == null
          ? new double[] {0, 0, 0} : spec.imagePositionPatient());
      put(list, TagFromName.SliceThickness, Double.isNaN(spec.sliceThickness()) ? "" : ds(spec.sliceThickness()));
      put(list, TagFromName.ImageType, modality.equals("CT") ? "ORIGINAL\\PRIMARY\\AXIAL" : "ORIGINAL\\PRIMARY\\OTHER");
    } else {
      if (spec.pixelSpacing() != null) {
        put(list, modality.equals("CR") ? TagFromName.PixelSpacing : TagFromName.PixelSpacing,
            spec.pixelSpacing());
      }
      put(list, TagFromName.ImageType, "DERIVED\\SECONDARY");
    }
    switch (modality) {
      case "CT" -> {
        put(list, new AttributeTag(0x0018, 0x0060), "");
        put(list, TagFromName.AcquisitionNumber, "");
      }
      case "MR" -> {
        put(list, new AttributeTag(0x0018, 0x0020), "RM");
        put(list, new AttributeTag(0x0018, 0x0021), "NONE");
        put(list, new AttributeTag(0x0018, 0x0022), "");
        put(list, TagFromName.MRAcquisitionType, "2D");
        put(list, TagFromName.RepetitionTime, "");
        put(list, TagFromName.EchoTime, "");
        put(list, TagFromName.EchoTrainLength, "");
        put(list, new AttributeTag(0x0018, 0x0087), "");
      }
      case "CR" -> { }
      default -> put(list, TagFromName.ConversionType, "WSD");
    }
    // Image Pixel
    put(list, TagFromName.SamplesPerPixel, 1);
    put(list, TagFromName.PhotometricInterpretation, spec.photometricInterpretation());
    put(list, TagFromName.Rows, spec.rows());
    put(list, TagFromName.Columns, spec.columns());
    put(list, TagFromName.BitsAllocated, 16);
    put(list, TagFromName.BitsStored, spec.bitsStored());
    put(list, TagFromName.HighBit, spec.bitsStored() - 1);
    put(list, TagFromName.PixelRepresentation, spec.signed() ? 1 : 0);
    // Modality LUT: required for CT, allowed for the rest; CR and SC only when not the identity.
    if (modality.equals("CT") || spec.rescaleSlope() != 1 || spec.rescaleIntercept() != 0) {
      put(list, TagFromName.RescaleIntercept, ds(spec.rescaleIntercept()));
      put(list, TagFromName.RescaleSlope, ds(spec.rescaleSlope()));
      if (!modality.equals("CT")) {
        put(list, TagFromName.RescaleType, modality.equals("MR") ? "US" : "US");
      }
    }
    if (spec.window() != null) {
      put(list, TagFromName.WindowCenter, ds(spec.window().center()));
      put(list, TagFromName.WindowWidth, ds(spec.window().width()));
    }
    Attribute pixels = new OtherWordAttribute(TagFromName.PixelData);
    pixels.setValues(spec.pixels());
    list.put(pixels);

    FileMetaInformation.addFileMetaInformation(list, TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN, SOURCE_AE);
    return list;
  }

  private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
    Attribute attribute = AttributeFactory.newAttribute(tag);
    if (value != null && !value.isEmpty()) {
      for (String part : value.split("\\\\", -1)) {
        attribute.addValue(part);
      }
    }
    list.put(attribute);
  }

  private static void optional(AttributeList list, AttributeTag tag, String value) throws DicomException {
    if (value != null && !value.isEmpty()) {
      put(list, tag, value);
    }
  }

  private static void put(AttributeList list, AttributeTag tag, int value) throws DicomException {
    Attribute attribute = AttributeFactory.newAttribute(tag);
    attribute.addValue(value);
    list.put(attribute);
  }

  private static void put(AttributeList list, AttributeTag tag, double[] values) throws DicomException {
    Attribute attribute = AttributeFactory.newAttribute(tag);
    for (double v : values) {
      attribute.addValue(ds(v));
    }
    list.put(attribute);
  }

  /** A decimal string of at most 16 characters (the DS limit). */
  static String ds(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String s = Double.toString(value);
    if (s.length() <= 16 && !s.contains("E")) {
      return s;
    }
    for (int digits = 10; digits > 0; digits--) {
      String t = String.format(Locale.ROOT, "%." + digits + "g", value).replace("e+0", "e").replace("e-0", "e-");
      t = t.contains("e") ? t : t.replaceAll("0+$", "").replaceAll("\\.$", "");
      if (t.length() <= 16) {
        return t;
      }
    }
    return Long.toString(Math.round(value));
  }
}
