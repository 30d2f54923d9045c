package org.medvqa.dicom.orthanc;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a CT-like study (one series, {@code slices} slices of {@code size x size} 12-bit pixels in 16-bit
 * words, seeded noise around a disc) as DICOM Part-10 files, explicit VR little endian. For PACS tests and
 * the WADO-RS benchmark, where what matters is real DICOM of a known size, not the anatomy.
 */
public record SyntheticStudy(String patientId, String studyInstanceUid, String seriesInstanceUid, List<Path> files) {

  public static SyntheticStudy write(Path dir, String patientId, int slices, int size, long seed) {
    try {
      Files.createDirectories(dir);
      String study = newUid();
      String series = newUid();
      SplittableRandom random = new SplittableRandom(seed);
      List<Path> files = new ArrayList<>();
      for (int i = 1; i <= slices; i++) {
        AttributeList list = slice(patientId, study, series, i, size, random);
        Path file = dir.resolve(String.format("slice-%04d.dcm", i));
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "MEDVQA");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        files.add(file);
      }
      return new SyntheticStudy(patientId, study, series, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh UID under the 2.25 root (a UUID as a decimal number). */
  public static String newUid() {
    UUID u = UUID.randomUUID();
    BigInteger value = new BigInteger(1, java.nio.ByteBuffer.allocate(16)
        .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
    return "2.25." + value;
  }

  private static AttributeList slice(String patientId, String study, String series, int index, int size,
      SplittableRandom random) throws DicomException {
    AttributeList list = new AttributeList();
    put(list, TagFromName.SOPClassUID, SOPClass.CTImageStorage);
    put(list, TagFromName.SOPInstanceUID, newUid());
    put(list, TagFromName.PatientName, "Phantom^" + patientId);
    put(list, TagFromName.PatientID, patientId);
    put(list, TagFromName.PatientBirthDate, "19700101");
    put(list, TagFromName.PatientSex, "O");
    put(list, TagFromName.StudyInstanceUID, study);
    put(list, TagFromName.SeriesInstanceUID, series);
    put(list, TagFromName.StudyDate, "20240315");
    put(list, TagFromName.StudyTime, "101500");
    put(list, TagFromName.StudyID, "1");
    put(list, TagFromName.AccessionNumber, "ACC" + patientId);
    put(list, TagFromName.ReferringPhysicianName, "");
    put(list, TagFromName.StudyDescription, "Synthetic CT");
    put(list, TagFromName.Modality, "CT");
    put(list, TagFromName.SeriesNumber, "1");
    put(list, TagFromName.InstanceNumber, Integer.toString(index));
    put(list, TagFromName.Manufacturer, "medvqa");
    put(list, TagFromName.ImageType, "ORIGINAL\\PRIMARY\\AXIAL");
    put(list, TagFromName.FrameOfReferenceUID, series + ".1");
    put(list, TagFromName.PositionReferenceIndicator, "");
    put(list, TagFromName.ImagePositionPatient, "0\\0\\" + index);
    put(list, TagFromName.ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
    put(list, TagFromName.PixelSpacing, "0.7\\0.7");
    put(list, TagFromName.SliceThickness, "1");
    put(list, TagFromName.AcquisitionNumber, "1");
    put(list, TagFromName.RescaleIntercept, "-1024");
    put(list, TagFromName.RescaleSlope, "1");
    put(list, TagFromName.WindowCenter, "40");
    put(list, TagFromName.WindowWidth, "400");
    put(list, TagFromName.SamplesPerPixel, "1");
    put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
    put(list, TagFromName.Rows, Integer.toString(size));
    put(list, TagFromName.Columns, Integer.toString(size));
    put(list, TagFromName.BitsAllocated, "16");
    put(list, TagFromName.BitsStored, "12");
    put(list, TagFromName.HighBit, "11");
    put(list, TagFromName.PixelRepresentation, "0");
    short[] pixels = new short[size * size];
    double c = size / 2.0;
    double r2 = Math.pow(size * 0.4, 2);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean inside = (x - c) * (x - c) + (y - c) * (y - c) < r2;
        int value = (inside ? 1064 : 24) + random.nextInt(64);
        pixels[y * size + x] = (short) value;
      }
    }
    Attribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
    pixelData.setValues(pixels);
    list.put(pixelData);
    return list;
  }

  private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
    Attribute a = com.pixelmed.dicom.AttributeFactory.newAttribute(tag);
    if (!value.isEmpty()) {
      a.addValue(value);
    }
    list.put(a);
  }

}
