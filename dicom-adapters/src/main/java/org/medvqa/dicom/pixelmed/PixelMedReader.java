package org.medvqa.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClassDescriptions;
import com.pixelmed.dicom.TagFromName;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomFrame;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.DicomReader;
import org.medvqa.dicom.FrameDecoder;
import org.medvqa.dicom.PaletteLut;
import org.medvqa.dicom.PatientIdentity;
import org.medvqa.dicom.TransferSyntaxes;

/**
 * The default {@link DicomReader}: PixelMed parses the file, after {@link StructureGuard} has
 * checked every declared length against the file. Native pixel data is unpacked by {@link
 * NativePixels}; encapsulated frames go to {@link CompressedFrames} (the project's RLE and lossless
 * JPEG decoders, jai-imageio JPEG 2000, TwelveMonkeys JPEG through PixelMed's codec bridge), and
 * what those cannot do (JPEG-LS, 12-bit lossy JPEG) to the optional fallback decoder.
 */
public final class PixelMedReader implements DicomReader {
  /** PixelMed logs every compensated quirk through java.util.logging; keep that out of our output. */
  private static final java.util.logging.Logger PIXELMED_LOG = quiet();

  private final FrameDecoder fallback;

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("com.pixelmed");
    logger.setLevel(java.util.logging.Level.OFF);
    return logger;
  }

  /** @param fallback decodes JPEG-LS and 12-bit lossy JPEG, which PixelMed's codecs cannot; may be null */
  public PixelMedReader(FrameDecoder fallback) {
    this.fallback = fallback;
  }

  @Override
  public DicomInfo readInfo(Path file) throws IOException {
    Parsed parsed = parse(file, false);
    return parsed.info;
  }

  @Override
  public DicomFrame decodeFrame(Path file, int frameIndex) throws IOException {
    return read(file, frameIndex).frame();
  }

  @Override
  public DecodedImage read(Path file, int frameIndex) throws IOException {
    return read(file, frameIndex, 0, 0);
  }

  @Override
  public DecodedImage readForModel(Path file, int frameIndex, int minColumns, int minRows) throws IOException {
    return read(file, frameIndex, Math.max(0, minColumns), Math.max(0, minRows));
  }

  private DecodedImage read(Path file, int frameIndex, int minColumns, int minRows) throws IOException {
    Parsed parsed = parse(file, true);
    DicomInfo info = parsed.info;
    String name = file.getFileName().toString();
    if (!info.hasPixels()) {
      throw new DicomFormatException(name + ": no pixel data (SOP class "
          + (info.sopClassName().isEmpty() ? info.sopClassUid() : info.sopClassName()) + ")");
    }
    if (frameIndex < 0 || frameIndex >= info.frames()) {
      throw new DicomFormatException(name + ": frame " + (frameIndex + 1) + " requested, the object has "
          + info.frames() + " frame(s)");
    }
    Attribute pixelData = parsed.list.get(TagFromName.PixelData);
    if (pixelData == null) {
      throw new DicomFormatException(name + ": pixel data not found");
    }
    DicomFrame frame;
    try {
      if (parsed.layout.encapsulated()) {
        frame = CompressedFrames.decode(name, file, info, pixelData, frameIndex, fallback, minColumns, minRows);
      } else {
        frame = NativePixels.frame(name, info, pixelData, frameIndex,
            TransferSyntaxes.EXPLICIT_VR_BIG_ENDIAN.equals(info.transferSyntaxUid()));
      }
    } catch (DicomException e) {
      throw new DicomFormatException(name + ": cannot decode pixel data ("
          + TransferSyntaxes.describe(info.transferSyntaxUid()) + "): " + e.getMessage(), e);
    }
    return new DecodedImage(info, frame);
  }

  private record Parsed(AttributeList list, DicomInfo info, StructureGuard.Layout layout) {}

  private Parsed parse(Path file, boolean withPixels) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (Files.isDirectory(file)) {
      throw new DicomFormatException(file + ": is a directory, not a DICOM file");
    }
    StructureGuard.Layout layout = StructureGuard.check(file);
    AttributeList list = new AttributeList();
    list.setDecompressPixelData(false);
    String name = file.getFileName().toString();
    try {
      if (layout.hasMetaHeader()) {
        // PixelMed takes the data set's transfer syntax from the meta header itself.
        if (withPixels) {
          list.read(file.toFile());
        } else {
          list.read(file.toFile(), TagFromName.PixelData);
        }
      } else if (withPixels) {
        list.read(file.toString(), layout.transferSyntaxUid(), false, true);
      } else {
        list.read(file.toString(), layout.transferSyntaxUid(), false, true, TagFromName.PixelData);
      }
    } catch (DicomException | EOFException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new DicomFormatException(name + ": not a readable DICOM object: " + e.getMessage(), e);
    } catch (IOException e) {
      if (e instanceof DicomFormatException) {
        throw e;
      }
      throw new DicomFormatException(name + ": not a readable DICOM object: " + e.getMessage(), e);
    }
    return new Parsed(list, info(name, list, layout), layout);
  }

  static DicomInfo info(String name, AttributeList list, StructureGuard.Layout layout)
      throws DicomFormatException {
    String sopClass = str(list, TagFromName.SOPClassUID);
    if (sopClass.isEmpty()) {
      sopClass = str(list, TagFromName.MediaStorageSOPClassUID);
    }
    String sopInstance = str(list, TagFromName.SOPInstanceUID);
    if (sopInstance.isEmpty()) {
      sopInstance = str(list, TagFromName.MediaStorageSOPInstanceUID);
    }
    if (list.isEmpty() || (sopClass.isEmpty() && sopInstance.isEmpty() && !layout.hasPixelData()
        && str(list, TagFromName.Modality).isEmpty())) {
      throw new DicomFormatException(name + ": not a DICOM object (no SOP class, instance or pixel data)");
    }
    int rows = integer(list, TagFromName.Rows, 0);
    int columns = integer(list, TagFromName.Columns, 0);
    int frames = layout.hasPixelData() ? Math.max(1, integer(list, TagFromName.NumberOfFrames, 1)) : 0;
    int bitsAllocated = integer(list, TagFromName.BitsAllocated, 0);
    int bitsStored = integer(list, TagFromName.BitsStored, bitsAllocated);
    int samples = integer(list, TagFromName.SamplesPerPixel, 1);
    String photometric = str(list, TagFromName.PhotometricInterpretation);
    if (layout.hasPixelData()) {
      if (rows <= 0 || columns <= 0) {
        throw new DicomFormatException(name + ": pixel data without valid Rows/Columns (" + rows + "x" + columns + ")");
      }
      if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
        throw new DicomFormatException(name + ": unsupported Bits Allocated " + bitsAllocated);
      }
      if (bitsStored < 1 || bitsStored > bitsAllocated) {
        throw new DicomFormatException(name + ": Bits Stored " + bitsStored + " outside 1.." + bitsAllocated);
      }
      if (samples != 1 && samples != 3) {
        throw new DicomFormatException(name + ": unsupported Samples per Pixel " + samples);
      }
    }
    FrameGeometry geometry = FrameGeometry.read(list, frames);
    double[] orientation = doubles(list, TagFromName.ImageOrientationPatient, 6);
    if (orientation.length == 0) {
      orientation = geometry.orientation();
    }
    return new DicomInfo(
        sopClass,
        sopClass.isEmpty() ? "" : nonNull(SOPClassDescriptions.getDescriptionFromUID(sopClass)),
        sopInstance,
        str(list, TagFromName.StudyInstanceUID),
        str(list, TagFromName.SeriesInstanceUID),
        str(list, TagFromName.Modality),
        layout.transferSyntaxUid(),
        rows, columns, frames, bitsAllocated, bitsStored,
        integer(list, TagFromName.HighBit, bitsStored - 1),
        integer(list, TagFromName.PixelRepresentation, 0),
        samples,
        integer(list, TagFromName.PlanarConfiguration, 0),
        photometric,
        str(list, TagFromName.BodyPartExamined),
        str(list, TagFromName.StudyDescription),
        str(list, TagFromName.SeriesDescription),
        str(list, TagFromName.StudyDate),
        integer(list, TagFromName.SeriesNumber, 0),
        integer(list, TagFromName.InstanceNumber, 0),
        doubles(list, TagFromName.ImagePositionPatient, 3),
        orientation,
        doubles(list, TagFromName.PixelSpacing, 2),
        decimal(list, TagFromName.SliceThickness, Double.NaN),
        decimal(list, TagFromName.RescaleSlope, 1.0),
        decimal(list, TagFromName.RescaleIntercept, 0.0),
        doubles(list, TagFromName.WindowCenter, 0),
        doubles(list, TagFromName.WindowWidth, 0),
        "PALETTE COLOR".equals(photometric) ? Palettes.read(name, list) : null,
        new PatientIdentity(str(list, TagFromName.PatientID), str(list, TagFromName.PatientName),
            str(list, TagFromName.PatientBirthDate), str(list, TagFromName.PatientSex)),
        geometry.positions());
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  static String str(AttributeList list, AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
  }

  static int integer(AttributeList list, AttributeTag tag, int fallback) {
    String value = Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Attribute.getSingleIntegerValueOrDefault(list, tag, fallback);
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  private static double decimal(AttributeList list, AttributeTag tag, double fallback) {
    double[] values = doubles(list, tag, 0);
    return values.length == 0 || !Double.isFinite(values[0]) ? fallback : values[0];
  }

  /** All values, or an empty array when absent, unparsable, or not {@code expected} values long. */
  static double[] doubles(AttributeList list, AttributeTag tag, int expected) {
    try {
      double[] values = Attribute.getDoubleValues(list, tag);
      if (values == null || (expected > 0 && values.length != expected)) {
        return new double[0];
      }
      return values;
    } catch (RuntimeException e) {
      return new double[0];
    }
  }
}
