package org.medvqa.plugin.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medvqa.plugin.rest.RestApiTest.assertProblem;
import static org.medvqa.plugin.rest.RestApiTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.orthanc.SyntheticStudy;
import org.medvqa.dicom.source.LocalFolderStudySource;
import org.medvqa.dicom.source.SeriesSummary;
import org.medvqa.plugin.adapters.RealComponents;
import org.medvqa.plugin.server.MedVqaServer;
import org.medvqa.plugin.server.ServerConfig;

/**
 * Asking about real DICOM: uploads (pydicom's CT and MR test files, a truncated file), studies by UID
 * from a local-folder source (a 5-slice synthetic CT), SR stored back, a PACS that is down, and no
 * patient name, ID or birth date in any response or audit record.
 */
class DicomAskTest {
  @TempDir static Path tmp;
  static MedVqaServer server;
  static Http http;
  static SyntheticStudy ct;
  static LocalFolderStudySource folder;

  @BeforeAll
  static void start() throws Exception {
    Path studies = Files.createDirectories(tmp.resolve("studies"));
    ct = SyntheticStudy.write(studies.resolve("ct"), "PHI-PATIENT-77", 5, 64, 3);
    Files.copy(Corpora.pydicom("MR_small.dcm"), studies.resolve("mr.dcm"));
    folder = new LocalFolderStudySource(studies);
    server = TestServers.start(tmp, 8 << 20, RealComponents.create(folder, 16));
    http = new Http(server.baseUri(), TestServers.KEY);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (folder != null) {
      folder.close();
    }
  }

  static Map<String, Object> upload(String question, byte[]... files) {
    Map<String, Object> parts = new LinkedHashMap<>();
    for (int i = 0; i < files.length; i++) {
      parts.put("files[" + i + "]", files[i]);
    }
    parts.put("question", question);
    return parts;
  }

  @Test
  void uploadedDicomFilesAreAnswered() throws Exception {
    HttpResponse<String> r = http.postMultipart("/api/v1/ask",
        upload("Is there a mass?", Files.readAllBytes(Corpora.pydicom("CT_small.dcm"))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("sliceCount").asInt()).isEqualTo(1);
    byte[][] series = ct.files().stream().map(DicomAskTest::bytes).toArray(byte[][]::new);
    HttpResponse<String> s = http.postMultipart("/api/v1/ask", upload("Is there a mass?", series));
    assertThat(s.statusCode()).as(s.body()).isEqualTo(200);
    assertThat(json(s).get("sliceCount").asInt()).isEqualTo(5);
    assertThat(json(s).get("slice").asInt()).isEqualTo(2);
  }

  @Test
  void badDicomUploadIsA400() throws Exception {
    byte[] ctBytes = Files.readAllBytes(Corpora.pydicom("CT_small.dcm"));
    byte[] truncated = Arrays.copyOf(ctBytes, ctBytes.length / 3);
    assertProblem(http.postMultipart("/api/v1/ask", upload("Is there a mass?", truncated)), 400);
    assertProblem(http.postMultipart("/api/v1/ask",
        upload("Is there a mass?", Files.readAllBytes(Corpora.pydicom("MR_truncated.dcm")))), 400);
    byte[] garbage = new byte[4096];
    System.arraycopy("DICM".getBytes(), 0, garbage, 128, 4);
    assertProblem(http.postMultipart("/api/v1/ask", upload("Is there a mass?", garbage)), 400);
  }

  @Test
  void askByStudyUidUsesTheSourceAndTheRequestedSlice() throws Exception {
    HttpResponse<String> r = http.postJson("/api/v1/ask",
        "{\"studyInstanceUID\": \"" + ct.studyInstanceUid() + "\", \"question\": \"Is there a nodule?\", \"slice\": 4}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode a = json(r);
    assertThat(a.get("sliceCount").asInt()).isEqualTo(5);
    assertThat(a.get("slice").asInt()).isEqualTo(4);
    assertThat(a.at("/timings/fetchMs").isNumber()).isTrue();
    assertProblem(http.postJson("/api/v1/ask",
        "{\"studyInstanceUID\": \"" + ct.studyInstanceUid() + "\", \"question\": \"q\", \"slice\": 9}"), 400);
  }

  @Test
  void unknownStudyIsA404() throws Exception {
    assertProblem(http.postJson("/api/v1/ask", "{\"studyInstanceUID\": \"1.2.3.4.5.6.7\", \"question\": \"q\"}"), 404);
    assertProblem(http.get("/api/v1/studies/1.2.3.4.5.6.7/slices"), 404);
  }

  @Test
  void storeSrWritesAnSrIntoTheSource() throws Exception {
    HttpResponse<String> r = http.postJson("/api/v1/ask",
        "{\"studyInstanceUID\": \"" + ct.studyInstanceUid() + "\", \"question\": \"Is there a nodule?\", \"storeSr\": true}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String sr = json(r).get("srInstanceUid").asText();
    assertThat(sr).matches("[0-9.]+");
    folder.rescan();
    assertThat(folder.fileOf(sr)).isPresent();
    List<SeriesSummary> series = folder.findSeries(ct.studyInstanceUid());
    assertThat(series).anySatisfy(s -> assertThat(s.modality()).isEqualTo("SR"));
    // asking again still works: the SR (no pixel data) is left out of the images
    HttpResponse<String> again = http.postJson("/api/v1/ask",
        "{\"studyInstanceUID\": \"" + ct.studyInstanceUid() + "\", \"question\": \"Is there a nodule?\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(json(again).get("sliceCount").asInt()).isEqualTo(5);
  }

  @Test
  void studyListAndSlicesFeedTheViewerWithoutPatientData() throws Exception {
    HttpResponse<String> list = http.get("/api/v1/studies");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(ct.studyInstanceUid()).doesNotContain("PHI-PATIENT-77", "Phantom^", "CompressedSamples");
    JsonNode slices = json(http.get("/api/v1/studies/" + ct.studyInstanceUid() + "/slices"));
    assertThat(slices.get("count").asInt()).isEqualTo(5);
    HttpResponse<byte[]> png = new java.net.http.HttpClient.Builder[] {java.net.http.HttpClient.newBuilder()}[0].build()
        .send(http.request("/api/v1/studies/" + ct.studyInstanceUid() + "/slices/2").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    var img = ImageIO.read(new ByteArrayInputStream(png.body()));
    assertThat(img.getWidth()).isEqualTo(64);
  }

  @Test
  void pacsThatIsDownIsA502AndTheServerStaysHealthy() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    ServerConfig.StudySourceConfig c = new ServerConfig.StudySourceConfig();
    c.type = "dicomweb";
    c.url = "http://127.0.0.1:" + closed + "/dicom-web";
    try (MedVqaServer down = TestServers.start(tmp.resolve("down"), 1 << 20,
        RealComponents.create(org.medvqa.plugin.adapters.StudySources.open(c), 16))) {
      Http h = new Http(down.baseUri(), TestServers.KEY);
      assertProblem(h.postJson("/api/v1/ask", "{\"studyInstanceUID\": \"1.2.3\", \"question\": \"q\"}"), 502);
      assertProblem(h.get("/api/v1/studies"), 502);
      assertThat(h.get("/api/v1/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void noPatientDataInResponsesOrAuditRecords() throws Exception {
    http.postJson("/api/v1/ask", "{\"studyInstanceUID\": \"" + ct.studyInstanceUid() + "\", \"question\": \"q\"}");
    http.postMultipart("/api/v1/ask", upload("Is there a mass?", Files.readAllBytes(Corpora.pydicom("MR_small.dcm"))));
    String audit = Files.readString(server.auditLog());
    assertThat(audit).isNotBlank();
    for (String phi : List.of("PHI-PATIENT-77", "Phantom^", "19700101", "CompressedSamples", "4MR1", ct.studyInstanceUid())) {
      assertThat(audit).doesNotContain(phi);
    }
    try (Stream<Path> left = Files.walk(tmp.resolve("scratch"))) {
      assertThat(left.filter(Files::isRegularFile)).as("request files are deleted").isEmpty();
    }
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
