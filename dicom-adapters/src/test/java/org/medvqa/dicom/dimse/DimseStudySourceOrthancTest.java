package org.medvqa.dicom.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.medvqa.dicom.source.StudyQuery;
import org.medvqa.dicom.sr.AnswerReport;
import org.medvqa.dicom.sr.Concept;
import org.medvqa.dicom.sr.SourceImage;
import org.medvqa.dicom.sr.SrWriter;

/** C-ECHO, C-STORE, C-FIND, C-GET and C-MOVE against a real Orthanc's DICOM port. */
class DimseStudySourceOrthancTest {

  private static OrthancServer pacs;
  private static SyntheticStudy study;
  private static DimseStudySource source;
  @TempDir static Path work;

  @BeforeAll
  static void startPacsAndStoreByCStore() {
    pacs = OrthancServer.start();
    study = SyntheticStudy.write(work.resolve("in"), "PAT-DIMSE-1", 3, 48, 11);
    source = new DimseStudySource(config());
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

  private static DimseConfig config() {
    return DimseConfig.parse(pacs.aet() + "@127.0.0.1:" + pacs.dicomPort())
        .withCallingAet(OrthancServer.SCP_AET)
        .withTimeout(Duration.ofSeconds(30));
  }

  @Test
  void echoAndFindStudyAndSeries() {
    source.echo();
    assertThat(pacs.countInstances()).isGreaterThanOrEqualTo(3);
    assertThat(source.findStudies(StudyQuery.all().withPatientId("PAT-DIMSE-1"))).singleElement().satisfies(s -> {
      assertThat(s.studyInstanceUID()).isEqualTo(study.studyInstanceUid());
      assertThat(s.studyDate()).isEqualTo("20240315");
      assertThat(s.modalities()).contains("CT");
    });
    assertThat(source.findStudies(StudyQuery.all().withPatientId("NOBODY"))).isEmpty();
    assertThat(source.findSeries(study.studyInstanceUid())).anySatisfy(s -> {
      assertThat(s.seriesInstanceUID()).isEqualTo(study.seriesInstanceUid());
      assertThat(s.numberOfInstances()).isEqualTo(3);
    });
  }

  @Test
  void cGetReturnsTheSamePixels(@TempDir Path out) throws Exception {
    RetrievedStudy got = source.retrieve(study.studyInstanceUid(), study.seriesInstanceUid(), out);
    assertThat(digests(got.files())).isEqualTo(digests(study.files()));
  }

  @Test
  void cMoveIntoOurScpOnLoopbackReturnsTheSamePixels(@TempDir Path out) throws Exception {
    try (DimseStudySource moving = new DimseStudySource(config().withMoveTo("127.0.0.1", pacs.scpPort()))) {
      RetrievedStudy got = moving.retrieve(study.studyInstanceUid(), study.seriesInstanceUid(), out);
      assertThat(digests(got.files())).isEqualTo(digests(study.files()));
    }
  }

  @Test
  void srIsStoredByCStoreAndFoundAgain(@TempDir Path out) throws Exception {
    AnswerReport report = new AnswerReport("Is there a nodule?", "No.", "", List.of(new Concept("SCT", "27925004",
        "Nodule", "finding")), "medvqa-test", "1.0", SourceImage.fromFile(study.files().get(0)));
    source.store(List.of(SrWriter.write(report, out)));
    assertThat(source.findSeries(study.studyInstanceUid())).anySatisfy(s -> assertThat(s.modality()).isEqualTo("SR"));
  }

  @Test
  void unknownStudyIsNotFound(@TempDir Path out) {
    assertThatThrownBy(() -> source.retrieve(SyntheticStudy.newUid(), null, out))
        .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
  }

  @Test
  void pacsDownIsUnreachable() throws Exception {
    int port = OrthancServer.freePorts(1)[0];
    try (DimseStudySource down = new DimseStudySource(DimseConfig.parse("NOBODY@127.0.0.1:" + port))) {
      assertThatThrownBy(down::echo)
          .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessageContaining("NOBODY@127.0.0.1:" + port);
    }
  }

  @Test
  void configIsValidated() {
    assertThatThrownBy(() -> DimseConfig.parse("nohost")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DimseConfig.parse("AE@host:notaport")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DimseConfig.parse("A_TITLE_LONGER_THAN_16@h:104")).isInstanceOf(IllegalArgumentException.class);
    assertThat(DimseConfig.parse("PACS@pacs.example:11112")).satisfies(c -> {
      assertThat(c.calledAet()).isEqualTo("PACS");
      assertThat(c.host()).isEqualTo("pacs.example");
      assertThat(c.port()).isEqualTo(11112);
      assertThat(c.scpBindAddress()).isEqualTo("127.0.0.1");
    });
  }

  private static Map<String, Integer> digests(List<Path> files) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (Path f : files) {
      counts.merge(PixelDigest.sha256(f), 1, Integer::sum);
    }
    return counts;
  }
}
