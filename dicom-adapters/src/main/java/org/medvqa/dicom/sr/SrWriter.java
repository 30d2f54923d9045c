package org.medvqa.dicom.sr;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.ContentItem;
import com.pixelmed.dicom.ContentItemFactory;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.StructuredReport;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an {@link AnswerReport} as a Comprehensive SR (1.2.840.10008.5.1.4.1.1.88.33) in the source
 * image's study and a new series. Content tree:
 *
 * <pre>
 * CONTAINER (18748-4, LN, "Diagnostic Imaging Report")
 *   HAS OBS CONTEXT  CODE    (121005, DCM, "Observer Type")         = (121007, DCM, "Device")
 *   HAS OBS CONTEXT  UIDREF  (121012, DCM, "Device Observer UID")   = UID derived from name + version
 *   HAS OBS CONTEXT  TEXT    (121013, DCM, "Device Observer Name")  = algorithm name
 *   CONTAINS         TEXT    (111001, DCM, "Algorithm Name")        = algorithm name
 *   CONTAINS         TEXT    (111003, DCM, "Algorithm Version")     = algorithm version
 *   CONTAINS         TEXT    (MVQA001, 99MEDVQA, "Question")        = question
 *   CONTAINS         TEXT    (MVQA002, 99MEDVQA, "Answer")          = answer
 *     INFERRED FROM  TEXT    (MVQA003, 99MEDVQA, "Reasoning")       = reasoning (if any)
 *     INFERRED FROM  IMAGE   the source image
 *   CONTAINS         CODE    name by concept kind (Finding Site, Finding, Modality, Laterality, or
 *                            MVQA004 "Matched Concept") = each matched concept
 * </pre>
 *
 * Completion flag COMPLETE (the document says all it will say), Verification flag UNVERIFIED (no person
 * attested it); the algorithm is also the Contributing Equipment (purpose 109102 "Processing Equipment").
 * The source image is listed in the Current Requested Procedure Evidence Sequence.
 */
public final class SrWriter {

  public static final String PRIVATE_SCHEME = "99MEDVQA";
  public static final String SERIES_DESCRIPTION = "medvqa answers (UNVERIFIED)";
  private static final String MANUFACTURER = "medvqa";
  /** (0008,0119) UC and (0018,A002) DT: newer than PixelMed's 2022 dictionary. */
  private static final AttributeTag LONG_CODE_VALUE = new AttributeTag(0x0008, 0x0119);
  private static final AttributeTag CONTRIBUTION_DATE_TIME = new AttributeTag(0x0018, 0xA002);

  private SrWriter() {}

  /** Writes the SR into {@code directory} as {@code <SOPInstanceUID>.dcm} and returns the file. */
  public static Path write(AnswerReport report, Path directory) throws IOException {
    AttributeList list = build(report, newUid(), newUid(), ZonedDateTime.now());
    String sop = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
    Files.createDirectories(directory);
    Path target = directory.resolve(sop + ".dcm");
    Path tmp = directory.resolve(sop + ".dcm.tmp");
    try {
      FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, MANUFACTURER.toUpperCase(Locale.ROOT));
      list.write(tmp.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (DicomException e) {
      throw new IOException("cannot write SR: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  /** The SR's data set: series and instance UIDs given so a caller can group several answers in one series. */
  static AttributeList build(AnswerReport report, String seriesUid, String sopUid, ZonedDateTime now) throws IOException {
    try {
      AttributeList list = new StructuredReport(contentTree(report)).getAttributeList();
      SourceImage src = report.source();
      String date = now.format(DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8);
      String time = now.format(DateTimeFormatter.ofPattern("HHmmss"));

      put(list, TagFromName.SpecificCharacterSet, "ISO_IR 192");
      put(list, TagFromName.SOPClassUID, SOPClass.ComprehensiveSRStorage);
      put(list, TagFromName.SOPInstanceUID, sopUid);
      put(list, TagFromName.InstanceCreationDate, date);
      put(list, TagFromName.InstanceCreationTime, time);
      // Patient and General Study: copied from the source image, so the SR joins its study.
      put(list, TagFromName.PatientName, src.patientName());
      put(list, TagFromName.PatientID, src.patientId());
      put(list, TagFromName.PatientBirthDate, src.patientBirthDate());
      put(list, TagFromName.PatientSex, src.patientSex());
      put(list, TagFromName.StudyInstanceUID, src.studyInstanceUid());
      put(list, TagFromName.StudyDate, src.studyDate());
      put(list, TagFromName.StudyTime, src.studyTime());
      put(list, TagFromName.StudyID, src.studyId());
      put(list, TagFromName.AccessionNumber, src.accessionNumber());
      put(list, TagFromName.ReferringPhysicianName, src.referringPhysicianName());
      if (!src.studyDescription().isEmpty()) {
        put(list, TagFromName.StudyDescription, src.studyDescription());
      }
      // SR Document Series and General Equipment.
      put(list, TagFromName.Modality, "SR");
      put(list, TagFromName.SeriesInstanceUID, seriesUid);
      put(list, TagFromName.SeriesNumber, "9901");
      put(list, TagFromName.SeriesDescription, SERIES_DESCRIPTION);
      list.put(new SequenceAttribute(TagFromName.ReferencedPerformedProcedureStepSequence));
      put(list, TagFromName.Manufacturer, MANUFACTURER);
      put(list, TagFromName.ManufacturerModelName, report.algorithmName());
      put(list, TagFromName.SoftwareVersions, report.algorithmVersion());
      // SR Document General.
      put(list, TagFromName.InstanceNumber, "1");
      put(list, TagFromName.ContentDate, date);
      put(list, TagFromName.ContentTime, time);
      put(list, TagFromName.CompletionFlag, "COMPLETE");
      put(list, TagFromName.VerificationFlag, "UNVERIFIED");
      list.put(new SequenceAttribute(TagFromName.PerformedProcedureCodeSequence));
      list.put(evidence(src));
      list.put(contributingEquipment(report, date + time));
      list.put(codingSchemes(report));
      return list;
    } catch (DicomException e) {
      throw new IOException("cannot build SR: " + e.getMessage(), e);
    }
  }

  private static ContentItem contentTree(AnswerReport report) throws DicomException {
    ContentItemFactory f = new ContentItemFactory();
    ContentItem root = f.makeContainerContentItem(null, null, code("18748-4", "LN", "Diagnostic Imaging Report"), true);
    f.makeCodeContentItem(root, "HAS OBS CONTEXT", code("121005", "DCM", "Observer Type"), code("121007", "DCM", "Device"));
    f.makeUIDContentItem(root, "HAS OBS CONTEXT", code("121012", "DCM", "Device Observer UID"), deviceUid(report));
    f.makeTextContentItem(root, "HAS OBS CONTEXT", code("121013", "DCM", "Device Observer Name"), report.algorithmName());
    f.makeTextContentItem(root, "CONTAINS", code("111001", "DCM", "Algorithm Name"), report.algorithmName());
    f.makeTextContentItem(root, "CONTAINS", code("111003", "DCM", "Algorithm Version"), report.algorithmVersion());
    f.makeTextContentItem(root, "CONTAINS", code("MVQA001", PRIVATE_SCHEME, "Question"), report.question());
    ContentItem answer = f.makeTextContentItem(root, "CONTAINS", code("MVQA002", PRIVATE_SCHEME, "Answer"), report.answer());
    if (!report.reasoning().isBlank()) {
      f.makeTextContentItem(answer, "INFERRED FROM", code("MVQA003", PRIVATE_SCHEME, "Reasoning"), report.reasoning());
    }
    SourceImage src = report.source();
    f.makeImageContentItem(answer, "INFERRED FROM", null, src.sopClassUid(), src.sopInstanceUid(), 0, 0, null, null, null, null);
    for (Concept c : report.concepts()) {
      f.makeCodeContentItem(root, "CONTAINS", nameFor(c.kind()), code(c.code(), c.scheme(), c.meaning()));
    }
    return root;
  }

  /** The concept name a matched concept is filed under, by the terminology's kind. */
  static CodedSequenceItem nameFor(String kind) throws DicomException {
    String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
    return switch (k) {
      case "anatomy" -> code("363698007", "SCT", "Finding Site");
      case "finding" -> code("121071", "DCM", "Finding");
      case "modality" -> code("121139", "DCM", "Modality");
      case "laterality" -> code("272741003", "SCT", "Laterality");
      default -> code("MVQA004", PRIVATE_SCHEME, "Matched Concept");
    };
  }

  /** A code; values over 16 characters (long SNOMED ids, URNs) go in Long Code Value as PS3.3 requires. */
  static CodedSequenceItem code(String value, String scheme, String meaning) throws DicomException {
    AttributeList item = new AttributeList();
    if (value.length() > 16) {
      Attribute longCode = new com.pixelmed.dicom.UnlimitedCharactersAttribute(LONG_CODE_VALUE);
      longCode.addValue(value);
      item.put(longCode);
    } else {
      put(item, TagFromName.CodeValue, value);
    }
    put(item, TagFromName.CodingSchemeDesignator, scheme);
    put(item, TagFromName.CodeMeaning, meaning);
    return new CodedSequenceItem(item);
  }

  private static SequenceAttribute evidence(SourceImage src) throws DicomException {
    AttributeList sop = new AttributeList();
    put(sop, TagFromName.ReferencedSOPClassUID, src.sopClassUid());
    put(sop, TagFromName.ReferencedSOPInstanceUID, src.sopInstanceUid());
    SequenceAttribute sops = new SequenceAttribute(TagFromName.ReferencedSOPSequence);
    sops.addItem(sop);
    AttributeList series = new AttributeList();
    put(series, TagFromName.SeriesInstanceUID, src.seriesInstanceUid());
    series.put(sops);
    SequenceAttribute seriesSeq = new SequenceAttribute(TagFromName.ReferencedSeriesSequence);
    seriesSeq.addItem(series);
    AttributeList study = new AttributeList();
    put(study, TagFromName.StudyInstanceUID, src.studyInstanceUid());
    study.put(seriesSeq);
    SequenceAttribute evidence = new SequenceAttribute(TagFromName.CurrentRequestedProcedureEvidenceSequence);
    evidence.addItem(study);
    return evidence;
  }

  private static SequenceAttribute contributingEquipment(AnswerReport report, String dateTime) throws DicomException {
    AttributeList item = new AttributeList();
    put(item, TagFromName.Manufacturer, MANUFACTURER);
    put(item, TagFromName.ManufacturerModelName, report.algorithmName());
    put(item, TagFromName.SoftwareVersions, report.algorithmVersion());
    Attribute when = new com.pixelmed.dicom.DateTimeAttribute(CONTRIBUTION_DATE_TIME);
    when.addValue(dateTime);
    item.put(when);
    put(item, TagFromName.ContributionDescription, "Answer generated by " + report.algorithmName() + " "
        + report.algorithmVersion() + "; not verified by a person");
    item.put(CodedSequenceItem.newCodedSequenceAttribute(TagFromName.PurposeOfReferenceCodeSequence,
        code("109102", "DCM", "Processing Equipment")));
    SequenceAttribute seq = new SequenceAttribute(TagFromName.ContributingEquipmentSequence);
    seq.addItem(item);
    return seq;
  }

  /** Declares the private coding schemes used (ours and any other 99-prefixed one). */
  private static SequenceAttribute codingSchemes(AnswerReport report) throws DicomException {
    Set<String> privates = new LinkedHashSet<>();
    privates.add(PRIVATE_SCHEME);
    for (Concept c : report.concepts()) {
      if (c.scheme().startsWith("99")) {
        privates.add(c.scheme());
      }
    }
    SequenceAttribute seq = new SequenceAttribute(TagFromName.CodingSchemeIdentificationSequence);
    for (String scheme : privates) {
      AttributeList item = new AttributeList();
      put(item, TagFromName.CodingSchemeDesignator, scheme);
      put(item, TagFromName.CodingSchemeName, scheme.equals(PRIVATE_SCHEME) ? "medvqa private codes" : scheme);
      put(item, TagFromName.CodingSchemeResponsibleOrganization, "medvqa");
      seq.addItem(item);
    }
    return seq;
  }

  /** The same UID for the same algorithm name and version: 2.25 + the first 128 bits of their SHA-256. */
  static String deviceUid(AnswerReport report) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((report.algorithmName() + "\0" + report.algorithmVersion()).getBytes(StandardCharsets.UTF_8));
      return "2.25." + new BigInteger(1, java.util.Arrays.copyOf(hash, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String newUid() {
    UUID u = UUID.randomUUID();
    byte[] bytes = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    return "2.25." + new BigInteger(1, bytes);
  }

  private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
    Attribute a = AttributeFactory.newAttribute(tag);
    if (value != null && !value.isEmpty()) {
      a.addValue(value);
    }
    list.put(a);
  }
}
