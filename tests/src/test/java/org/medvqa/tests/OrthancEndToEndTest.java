package org.medvqa.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.orthanc.OrthancServer;
import org.medvqa.dicom.orthanc.SyntheticStudy;
import org.medvqa.dicom.source.SeriesSummary;
import org.medvqa.dicom.web.DicomWebConfig;
import org.medvqa.dicom.web.DicomWebStudySource;

/**
 * The whole journey against a real Orthanc (Debian's, on loopback, with DICOMweb): studies stored in
 * it, {@code medvqa serve} in its own JVM with Orthanc as its DICOMweb source, a question by study UID
 * over REST, the SR stored back and found in Orthanc by QIDO, the web page driven in headless Chromium
 * (a study from the source, and a multi-slice DICOM upload through its file input) with the committed
 * default model, Orthanc stopped (502, server still healthy), and finally the server's whole output and audit log
 * searched for the patients' names, IDs and birth dates.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrthancEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = "e2e-key-0123456789abcdef";
  static final String QUESTION = "Is there a nodule in the left lung?";

  @TempDir static Path work;
  static OrthancServer pacs;
  static DicomWebStudySource qido;
  static SyntheticStudy ct;
  static ServerProcess server;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    pacs = OrthancServer.start();
    DicomWebConfig web = DicomWebConfig.of(pacs.dicomWebUrl())
        .withAuth(org.medvqa.dicom.web.HttpAuth.basic(pacs.user(), pacs.password()));
    qido = new DicomWebStudySource(web);
    ct = SyntheticStudy.write(work.resolve("ct"), "E2E-PATIENT-9", 6, 64, 11);
    List<Path> files = new ArrayList<>(ct.files());
    files.add(Corpora.pydicom("CT_small.dcm"));
    qido.store(files);

    Path model = defaultModel(); // the committed, trained one: the screenshots show real answers
    Files.writeString(work.resolve("keys"), KEY + "\n");
    String config = """
        {"host": "127.0.0.1", "port": 0, "model": "%s", "apiKeys": "%s", "auditLog": "%s",
         "studySource": {"type": "dicomweb", "url": "%s", "user": "%s", "password": "%s"}}
        """.formatted(model, work.resolve("keys"), work.resolve("audit.jsonl"), pacs.dicomWebUrl(), pacs.user(),
        pacs.password());
    Files.writeString(work.resolve("server.json"), config);
    server = ServerProcess.serve(work.resolve("server.log"), "--config", work.resolve("server.json").toString(),
        "--data-dir", work.resolve("data").toString());
  }

  /** {@code plugin/models/default} of this checkout (surefire runs in {@code tests/}). */
  static Path defaultModel() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("plugin/models/default");
      if (Files.isRegularFile(candidate.resolve("config.json"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("plugin/models/default not found above " + Path.of("").toAbsolutePath());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (qido != null) {
      qido.close();
    }
    if (pacs != null) {
      pacs.close();
    }
  }

  static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(server.base.resolve(path))
        .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Multipart form: byte[] values become file parts; keys ending in [n] repeat a part name. */
  static HttpResponse<String> postMultipart(String path, java.util.Map<String, Object> parts) throws Exception {
    String boundary = "e2e" + java.util.UUID.randomUUID().toString().replace("-", "");
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (var e : parts.entrySet()) {
      String name = e.getKey().replaceAll("\\[\\d+]$", "");
      body.writeBytes(("--" + boundary + "\r\n").getBytes());
      if (e.getValue() instanceof byte[] bytes) {
        body.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"f.dcm\"\r\n"
            + "Content-Type: application/dicom\r\n\r\n").getBytes());
        body.writeBytes(bytes);
      } else {
        body.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + e.getValue()).getBytes());
      }
      body.writeBytes("\r\n".getBytes());
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes());
    return HTTP.send(HttpRequest.newBuilder(server.base.resolve(path))
        .header("Authorization", "Bearer " + KEY).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(server.base.resolve(path)).header("Authorization", "Bearer " + KEY)
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(1)
  void askByStudyUidStoresAnSrThatOrthancFindsByQido() throws Exception {
    HttpResponse<String> r = post("/api/v1/ask", "{\"studyInstanceUID\": \"" + ct.studyInstanceUid()
        + "\", \"question\": \"" + QUESTION + "\", \"storeSr\": true}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode a = JSON.readTree(r.body());
    assertThat(a.has("answer")).isTrue();
    assertThat(a.get("sliceCount").asInt()).isEqualTo(6);
    assertThat(a.at("/model/version").asText()).hasSize(12);
    String sr = a.get("srInstanceUid").asText();
    assertThat(sr).matches("[0-9.]+");

    List<SeriesSummary> series = qido.findSeries(ct.studyInstanceUid());
    assertThat(series).anySatisfy(s -> assertThat(s.modality()).isEqualTo("SR"));
    HttpResponse<String> instances = HTTP.send(HttpRequest.newBuilder(
            java.net.URI.create(pacs.dicomWebUrl() + "/studies/" + ct.studyInstanceUid() + "/instances?SOPInstanceUID=" + sr))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString((pacs.user() + ":" + pacs.password()).getBytes()))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(instances.statusCode()).isEqualTo(200);
    assertThat(instances.body()).contains(sr);
  }

  @Test
  @Order(2)
  void unknownStudyIsA404() throws Exception {
    HttpResponse<String> r = post("/api/v1/ask", "{\"studyInstanceUID\": \"1.2.3.999\", \"question\": \"q\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  @Order(3)
  void webPageChoosesAStudyScrollsAsksAndShowsTheAnswer() throws Exception {
    try (Chromium browser = Chromium.launch(1400, 900)) {
      browser.navigate(server.base + "#key=" + KEY);
      browser.waitFor("document.querySelectorAll('#study-list button.study').length >= 2", Duration.ofSeconds(60));
      assertThat(browser.eval("document.getElementById('model').textContent").asText()).contains("model:");
      assertThat(browser.eval("document.getElementById('study-list').textContent").asText())
          .doesNotContain("E2E-PATIENT-9", "Phantom");
      browser.eval("document.querySelector('#study-list button[data-uid=\"" + ct.studyInstanceUid() + "\"]').click()");
      browser.waitFor("document.getElementById('slice-label').textContent === '4 / 6'", Duration.ofSeconds(60));
      browser.eval("document.getElementById('image').dispatchEvent(new WheelEvent('wheel', {deltaY: 100}))");
      browser.waitFor("document.getElementById('slice-label').textContent === '5 / 6'", Duration.ofSeconds(30));
      browser.waitFor("document.getElementById('image').width === 64", Duration.ofSeconds(30));
      browser.eval("document.getElementById('question').value = '" + QUESTION + "'");
      browser.eval("document.getElementById('ask').click()");
      browser.waitFor("document.getElementById('provenance').textContent.length > 0", Duration.ofSeconds(120));
      String shown = browser.eval("document.getElementById('answer').textContent").asText();
      assertThat(browser.eval("document.getElementById('provenance').textContent").asText())
          .contains("slice 5/6");
      Path shot = Path.of("target", "screenshots", "webpage.png");
      browser.screenshot(shot);
      assertThat(Files.size(shot)).isGreaterThan(10_000);

      // the page shows what the API answers for the same slice (greedy decoding is deterministic)
      JsonNode direct = JSON.readTree(post("/api/v1/ask", "{\"studyInstanceUID\": \"" + ct.studyInstanceUid()
          + "\", \"question\": \"" + QUESTION + "\", \"slice\": 4}").body());
      assertThat(shown).isEqualTo(direct.get("answer").asText());
    }
  }

  @Test
  @Order(4)
  void webPageUploadsADicomSeriesScrollsItAsksAndHighlightsConcepts() throws Exception {
    SyntheticStudy upload = SyntheticStudy.write(work.resolve("upload"), "E2E-UPLOAD-7", 5, 64, 23);
    try (Chromium browser = Chromium.launch(1400, 900)) {
      browser.navigate(server.base + "#key=" + KEY);
      browser.waitFor("document.getElementById('model').textContent.startsWith('model: default')", Duration.ofSeconds(60));
      browser.eval("document.getElementById('tab-upload').click()");
      assertThat(browser.eval("document.getElementById('pane-upload').hidden").asBoolean()).isFalse();
      browser.setFiles("#file-input", upload.files().toArray(Path[]::new));
      browser.waitFor("document.getElementById('slice-label').textContent === '3 / 5'", Duration.ofSeconds(60));
      assertThat(browser.eval("document.getElementById('status').textContent").asText()).isEqualTo("CT, 5 slices (upload)");
      String middle = browser.eval("document.getElementById('image').toDataURL()").asText();

      browser.eval("document.getElementById('image').dispatchEvent(new WheelEvent('wheel', {deltaY: 100}))");
      browser.waitFor("document.getElementById('slice-label').textContent === '4 / 5'", Duration.ofSeconds(30));
      assertThat(browser.eval("document.getElementById('image').toDataURL()").asText())
          .as("the next slice is a different image").isNotEqualTo(middle);
      browser.eval("(() => { const s = document.getElementById('slice-slider');"
          + " s.value = '1'; s.dispatchEvent(new Event('input')); })()");
      browser.waitFor("document.getElementById('slice-label').textContent === '2 / 5'", Duration.ofSeconds(30));
      assertThat(browser.eval("document.getElementById('image').width").asInt()).isEqualTo(64);

      browser.eval("document.getElementById('question').value = '" + QUESTION + "'");
      browser.eval("document.getElementById('ask').click()");
      browser.waitFor("document.getElementById('provenance').textContent.length > 0", Duration.ofSeconds(120));
      assertThat(browser.eval("document.getElementById('status').textContent").asText()).isEqualTo("answered");
      String answer = browser.eval("document.getElementById('answer').textContent").asText();
      String reasoning = browser.eval("document.getElementById('reasoning').textContent").asText();
      assertThat(answer).isNotBlank().doesNotContain("\uFFFD");
      assertThat(reasoning).isNotBlank().doesNotContain("\uFFFD");
      assertThat(browser.eval("document.querySelectorAll('#answer mark, #reasoning mark').length").asInt())
          .as("concepts highlighted in the answer or reasoning").isPositive();
      assertThat(browser.eval("document.querySelectorAll('#concepts li').length").asInt()).isPositive();
      assertThat(browser.eval("document.getElementById('provenance').textContent").asText())
          .contains("model default", "slice 2/5");
      Path shot = Path.of("target", "screenshots", "webpage-upload.png");
      browser.screenshot(shot);
      assertThat(Files.size(shot)).isGreaterThan(10_000);

      // the page shows what the API answers for the same upload and slice (greedy decoding)
      java.util.Map<String, Object> parts = new java.util.LinkedHashMap<>();
      for (int i = 0; i < upload.files().size(); i++) {
        parts.put("files[" + i + "]", Files.readAllBytes(upload.files().get(i)));
      }
      parts.put("question", QUESTION);
      parts.put("slice", "1");
      JsonNode direct = JSON.readTree(postMultipart("/api/v1/ask", parts).body());
      assertThat(answer).isEqualTo(direct.get("answer").asText());
      assertThat(reasoning).isEqualTo(direct.get("reasoning").asText());
    }
  }

  @Test
  @Order(5)
  void pacsDownIsA502AndTheServerStaysHealthy() throws Exception {
    pacs.close();
    HttpResponse<String> r = post("/api/v1/ask", "{\"studyInstanceUID\": \"" + ct.studyInstanceUid()
        + "\", \"question\": \"" + QUESTION + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
    assertThat(HTTP.send(HttpRequest.newBuilder(server.base.resolve("/api/v1/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(6)
  void noPatientNameIdOrBirthDateInAnyLog() throws Exception {
    server.close();
    String log = Files.readString(work.resolve("server.log"));
    String audit = Files.readString(work.resolve("audit.jsonl"));
    assertThat(log).contains("medvqa: serving model");
    assertThat(audit.lines().count()).isGreaterThanOrEqualTo(5);
    for (String phi : List.of("E2E-PATIENT-9", "E2E-UPLOAD-7", "Phantom^E2E", "19700101", "CompressedSamples", "1CT1")) {
      assertThat(log).as("server output").doesNotContain(phi);
      assertThat(audit).as("audit log").doesNotContain(phi);
    }
    assertThat(audit).doesNotContain(ct.studyInstanceUid()).doesNotContain(KEY);
  }
}
