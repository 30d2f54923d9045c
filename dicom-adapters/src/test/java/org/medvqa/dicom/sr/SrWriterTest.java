package org.medvqa.dicom.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.orthanc.SyntheticStudy;

/** The SR as the standard's own checkers see it: dicom3tools dciodvfy and dcmtk dsrdump. */
class SrWriterTest {

  @TempDir static Path work;
  private static Path image;

  @BeforeAll
  static void sourceImage() {
    image = SyntheticStudy.write(work.resolve("image"), "PAT-SR", 1, 16, 5).files().get(0);
  }

  static AnswerReport report(SourceImage source) {
    return new AnswerReport(
        "Is there a mass in the left lung?",
        "Yes, a 2 cm mass in the left upper lobe — ünïcödé survives.",
        "A round opacity is visible in the left upper zone.",
        List.of(new Concept("SCT", "4147007", "Mass", "finding"),
            new Concept("SCT", "44029006", "Left lung", "anatomy"),
            new Concept("SCT", "1234567890123456789", "Long SNOMED id", "qualifier"),
            new Concept("99LOCAL", "X1", "Local code", null)),
        "medvqa-phantom", "0.1.0", source);
  }

  @Test
  void srPassesDciodvfyWithoutErrors(@TempDir Path out) throws Exception {
    Path sr = SrWriter.write(report(SourceImage.fromFile(image)), out);
    Result dciodvfy = run("dciodvfy", sr.toString());
    assertThat(dciodvfy.output()).contains("ComprehensiveSR").doesNotContain("Error");
    // The only warnings allowed: private coding schemes (99...) are not in dciodvfy's list, by design.
    assertThat(dciodvfy.output().lines().filter(l -> l.startsWith("Warning")))
        .allMatch(l -> l.contains("Unrecognized defined term <99"), "only private-scheme warnings");
  }

  @Test
  void dsrdumpShowsTheWholeAnswer(@TempDir Path out) throws Exception {
    Path sr = SrWriter.write(report(SourceImage.fromFile(image)), out);
    Result dump = run("dsrdump", "+Pc", "+Pl", "+Pu", sr.toString());
    assertThat(dump.exitCode()).as(dump.output()).isZero();
    assertThat(dump.output())
        .contains("Comprehensive SR Document")
        .contains("Completion Flag     : COMPLETE")
        .contains("Verification Flag   : UNVERIFIED")
        .contains("(111001,DCM,\"Algorithm Name\")=\"medvqa-phantom\"")
        .contains("(111003,DCM,\"Algorithm Version\")=\"0.1.0\"")
        .contains("Is there a mass in the left lung?")
        .contains("ünïcödé survives")
        .contains("A round opacity")
        .contains("(121071,DCM,\"Finding\")=(4147007,SCT,\"Mass\")")
        .contains("(363698007,SCT,\"Finding Site\")=(44029006,SCT,\"Left lung\")")
        .contains("1234567890123456789")
        .contains("(X1,99LOCAL,\"Local code\")")
        .contains("(121005,DCM,\"Observer Type\")=(121007,DCM,\"Device\")")
        .contains("IMAGE:")
        .contains(SourceImage.fromFile(image).sopInstanceUid());
  }

  @Test
  void srJoinsTheSourceStudyInANewSeriesWithContributingEquipment(@TempDir Path out) throws Exception {
    SourceImage source = SourceImage.fromFile(image);
    Path sr = SrWriter.write(report(source), out);
    AttributeList list = new AttributeList();
    list.read(sr.toFile());
    assertThat(s(list, TagFromName.StudyInstanceUID)).isEqualTo(source.studyInstanceUid());
    assertThat(s(list, TagFromName.PatientID)).isEqualTo("PAT-SR");
    assertThat(s(list, TagFromName.PatientName)).isEqualTo("Phantom^PAT-SR");
    assertThat(s(list, TagFromName.AccessionNumber)).isEqualTo("ACCPAT-SR");
    assertThat(s(list, TagFromName.SeriesInstanceUID)).isNotEqualTo(source.seriesInstanceUid()).startsWith("2.25.");
    assertThat(s(list, TagFromName.Modality)).isEqualTo("SR");
    assertThat(s(list, TagFromName.VerificationFlag)).isEqualTo("UNVERIFIED");
    SequenceAttribute equipment = (SequenceAttribute) list.get(TagFromName.ContributingEquipmentSequence);
    AttributeList item = equipment.getItem(0).getAttributeList();
    assertThat(s(item, TagFromName.ManufacturerModelName)).isEqualTo("medvqa-phantom");
    assertThat(s(item, TagFromName.SoftwareVersions)).isEqualTo("0.1.0");
    SequenceAttribute purpose = (SequenceAttribute) item.get(TagFromName.PurposeOfReferenceCodeSequence);
    assertThat(s(purpose.getItem(0).getAttributeList(), TagFromName.CodeValue)).isEqualTo("109102");
    assertThat(sr.getFileName().toString()).isEqualTo(s(list, TagFromName.SOPInstanceUID) + ".dcm");
  }

  @Test
  void deviceUidIsStablePerAlgorithmVersion() throws IOException {
    SourceImage source = SourceImage.fromFile(image);
    assertThat(SrWriter.deviceUid(report(source))).isEqualTo(SrWriter.deviceUid(report(source)));
    AnswerReport other = new AnswerReport("q", "a", "", List.of(), "medvqa-phantom", "0.2.0", source);
    assertThat(SrWriter.deviceUid(other)).isNotEqualTo(SrWriter.deviceUid(report(source)));
  }

  @Test
  void incompleteReportsAndNonImagesAreRejected(@TempDir Path dir) throws IOException {
    SourceImage source = SourceImage.fromFile(image);
    assertThatThrownBy(() -> new AnswerReport("q", " ", "", List.of(), "m", "1", source))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnswerReport("q", "a", "", List.of(), "m", "", source))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Concept("SCT", "", "x")).isInstanceOf(IllegalArgumentException.class);
    Path text = java.nio.file.Files.writeString(dir.resolve("x.dcm"), "not dicom");
    assertThatThrownBy(() -> SourceImage.fromFile(text)).isInstanceOf(IOException.class);
  }

  private static String s(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag);
  }

  record Result(int exitCode, String output) {}

  static Result run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }
}
