package org.medvqa.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.orthanc.OrthancServer;
import org.medvqa.dicom.orthanc.PixelDigest;
import org.medvqa.dicom.orthanc.SyntheticStudy;
import org.medvqa.dicom.source.PacsException;
import org.medvqa.dicom.source.PacsException.Kind;
import org.medvqa.dicom.source.RetrievedStudy;
import org.medvqa.dicom.source.SeriesSummary;
import org.medvqa.dicom.source.StudyQuery;
import org.medvqa.dicom.source.StudySummary;
import org.medvqa.dicom.sr.AnswerReport;
import org.medvqa.dicom.sr.Concept;
import org.medvqa.dicom.sr.SourceImage;
import org.medvqa.dicom.sr.SrWriter;

/** Round trips through a real Orthanc over DICOMweb: STOW-RS, QIDO-RS, WADO-RS, and its error answers. */
class DicomWebStudySourceOrthancTest {

  private static OrthancServer pacs;
  private static SyntheticStudy study;
  private static DicomWebStudySource source;
  @TempDir static Path work;

  @BeforeAll
  static void startPacsAndStoreAStudy() {
    pacs = OrthancServer.start();
    study = SyntheticStudy.write(work.resolve("in"), "PAT-WEB-1", 4, 64, 7);
    source = new DicomWebStudySource(config(pacs.user(), pacs.password()));
    source.store(study.files());
  }

  @AfterAll
  static void stop() {
    if (source != null) {
      source.close();
    }
    if (pacs != null) {
      pacs.close();
    }
  }

  private static DicomWebConfig config(String user, String password) {
    return DicomWebConfig.of(pacs.dicomWebUrl())
        .withAuth(HttpAuth.basic(user, password))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
        .withRetries(1, Duration.ofMillis(50));
  }

  @Test
  void storedStudyIsFoundByQidoWithItsSummary() {
    List<StudySummary> found = source.findStudies(StudyQuery.all().withPatientId("PAT-WEB-1"));
    assertThat(found).singleElement().satisfies(s -> {
      assertThat(s.studyInstanceUID()).isEqualTo(study.studyInstanceUid());
      assertThat(s.patientId()).isEqualTo("PAT-WEB-1");
      assertThat(s.studyDate()).isEqualTo("20240315");
      // includefield values: Orthanc ignores the list when its commas arrive as %2C
      assertThat(s.studyDescription()).isEqualTo("Synthetic CT");
      assertThat(s.accessionNumber()).isEqualTo("ACCPAT-WEB-1");
      assertThat(s.modalities()).contains("CT");
      assertThat(s.numberOfInstances()).isIn(4, 5); // 5 once the SR test has run
      assertThat(s.numberOfSeries()).isIn(1, 2);
    });
    assertThat(source.findStudies(StudyQuery.all().withPatientId("NOBODY"))).isEmpty();
    assertThat(source.findStudies(StudyQuery.all().withModality("MR"))).isEmpty();
  }

  @Test
  void seriesAreListed() {
    List<SeriesSummary> series = source.findSeries(study.studyInstanceUid());
    assertThat(series).filteredOn(s -> s.modality().equals("CT")).singleElement().satisfies(s -> {
      assertThat(s.seriesInstanceUID()).isEqualTo(study.seriesInstanceUid());
      assertThat(s.modality()).isEqualTo("CT");
      assertThat(s.numberOfInstances()).isEqualTo(4);
    });
  }

  @Test
  void retrievedStudyHasTheSamePixelsAsTheStoredFiles(@TempDir Path out) throws Exception {
    RetrievedStudy got = source.retrieve(study.studyInstanceUid(), study.seriesInstanceUid(), out);
    assertThat(got.files()).hasSize(4);
    assertThat(got.bytes()).isGreaterThan(4L * 64 * 64 * 2);
    assertThat(digests(got.files())).isEqualTo(digests(study.files()));
    try (var leftovers = Files.list(out)) {
      assertThat(leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void wholeStudyRetrieveIncludesEveryInstance(@TempDir Path out) {
    RetrievedStudy got = source.retrieve(study.studyInstanceUid(), null, out);
    assertThat(got.files()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(got.files().stream().map(f -> f.getFileName().toString().replace(".dcm", "")))
        .containsAll(study.files().stream().map(DicomWebStudySourceOrthancTest::sopOf).toList());
  }

  private static String sopOf(Path file) {
    try {
      return org.medvqa.dicom.source.Part10Header.read(file).mediaStorageSopInstanceUid();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void metadataAndFramesAreAvailable(@TempDir Path out) throws Exception {
    var metadata = source.client().metadata("studies/" + study.studyInstanceUid() + "/series/" + study.seriesInstanceUid() + "/metadata");
    assertThat(metadata).hasSize(4);
    String sop = DicomJson.string(metadata.get(0), "00080018");
    List<Path> frames = source.client().retrieveFrames("studies/" + study.studyInstanceUid() + "/series/"
        + study.seriesInstanceUid() + "/instances/" + sop + "/frames/1", out);
    assertThat(frames).singleElement().satisfies(f -> assertThat(Files.size(f)).isEqualTo(64L * 64 * 2));
  }

  @Test
  void srStoredByStowIsFoundByQidoWithModalitySr(@TempDir Path out) throws Exception {
    AnswerReport report = new AnswerReport("Is there a mass?", "Yes, in the left lung.", "Round opacity.",
        List.of(new Concept("SCT", "4147007", "Mass", "finding")), "medvqa-test", "1.0",
        SourceImage.fromFile(study.files().get(0)));
    Path sr = SrWriter.write(report, out.resolve("sr"));
    source.store(List.of(sr));
    assertThat(source.findStudies(StudyQuery.all().withModality("SR"))).singleElement()
        .satisfies(s -> assertThat(s.studyInstanceUID()).isEqualTo(study.studyInstanceUid()));
    var srSeries = source.client().qido("studies/" + study.studyInstanceUid() + "/series", Map.of("Modality", "SR"));
    assertThat(srSeries).hasSize(1);
    assertThat(DicomJson.string(srSeries.get(0), "0008103E")).isEqualTo(SrWriter.SERIES_DESCRIPTION);
    RetrievedStudy back = source.retrieve(study.studyInstanceUid(), DicomJson.string(srSeries.get(0), "0020000E"),
        out.resolve("back"));
    assertThat(back.files()).singleElement().satisfies(f -> assertThat(Files.readAllBytes(f)).isEqualTo(Files.readAllBytes(sr)));
  }

  @Test
  void unknownStudyIsNotFound(@TempDir Path out) {
    String unknown = SyntheticStudy.newUid();
    assertThatThrownBy(() -> source.retrieve(unknown, null, out))
        .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessageContaining(unknown);
    assertThatThrownBy(() -> source.findSeries(unknown))
        .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
  }

  @Test
  void nonDicomFileIsRefusedBeforeAnythingIsSent(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("notes.dcm"), "not DICOM");
    int before = pacs.countInstances();
    assertThatThrownBy(() -> source.store(List.of(study.files().get(0), text)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notes.dcm");
    assertThat(pacs.countInstances()).isEqualTo(before);
  }

  @Test
  void wrongPasswordIsUnauthorized() {
    try (DicomWebStudySource wrong = new DicomWebStudySource(config(pacs.user(), "not-the-password"))) {
      assertThatThrownBy(wrong::echo)
          .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
          .hasMessageContaining("401")
          .hasMessageNotContaining("not-the-password");
    }
  }

  private static Map<String, Integer> digests(List<Path> files) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (Path f : files) {
      counts.merge(PixelDigest.sha256(f), 1, Integer::sum);
    }
    return counts;
  }
}
