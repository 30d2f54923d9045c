package org.medvqa.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.Dicom;

/**
 * Hostile requests against a real {@code medvqa serve} (child JVM, loopback, {@code --api-keys}, a
 * folder study source, training enabled, a 384 MiB heap and an 8 MiB upload limit): auth bypass
 * attempts, path traversal in every parameter that names a file or folder, oversized uploads, deflate
 * bombs, deeply nested JSON. Each must be refused with a 4xx {@code application/problem+json} whose
 * {@code status} matches; the server must stay healthy; and nothing outside its folders may be read
 * or written: a canary folder next to them (a DICOM study and a secret text) stays untouched and its
 * content never appears in an answer, and the server's own folders hold afterwards only what a server
 * writes (audit log, the registry's ACTIVE marker), with scratch and {@code java.io.tmpdir} empty.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
  static final long UPLOAD_LIMIT = 8L << 20;
  static final String SECRET = "CANARY-SECRET-7731";
  static final String QUESTION = "Is there a nodule?";

  @TempDir static Path dir;
  static ServedMedVqa server;
  static Path outside;
  static String studyUid;
  static String canaryStudyUid;
  static byte[] studyFile;
  static Map<String, String> outsideBefore;
  static final List<String> answers = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path studies = Files.createDirectories(dir.resolve("server/studies"));
    Path ct = Corpora.pydicom("CT_small.dcm");
    Files.copy(ct, studies.resolve("ct.dcm"));
    studyFile = Files.readAllBytes(ct);
    studyUid = Dicom.reader().readInfo(ct).studyInstanceUid();
    outside = Files.createDirectories(dir.resolve("outside"));
    Path mr = Corpora.pydicom("MR_small.dcm");
    Files.copy(mr, outside.resolve("canary.dcm"));
    canaryStudyUid = Dicom.reader().readInfo(mr).studyInstanceUid();
    Files.writeString(outside.resolve("secret.txt"), SECRET + "\n");
    Files.createDirectories(outside.resolve("dataset"));
    Files.writeString(outside.resolve("dataset/train.jsonl"), "{\"question\":\"" + SECRET + "\"}\n");
    outsideBefore = snapshot(outside);
    Path model = TrainingFixtures.tinyModel(dir.resolve("model"), 5);
    ServedMedVqa.Options o = new ServedMedVqa.Options().heap("384m").set("maxUploadBytes", UPLOAD_LIMIT)
        .set("studySource", Map.of("type", "folder", "folder", studies.toString()));
    server = ServedMedVqa.start(dir.resolve("server"), model, o);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void withTheKeyTheSameRequestsAreAnswered() throws Exception {
    assertThat(call("GET", "/api/v1/health", Map.of(), null).status()).isEqualTo(200);
    RawHttp.Response ask = call("POST", "/api/v1/ask", json(auth()), askBody(studyUid).getBytes(StandardCharsets.UTF_8));
    assertThat(ask.status()).as(ask.toString()).isEqualTo(200);
    assertThat(ask.json().has("answer")).isTrue();
    RawHttp.Response upload = call("POST", "/api/v1/ask", with(auth(), "Content-Type", HostileFiles.FORM),
        HostileFiles.form(QUESTION, "ct.dcm", studyFile));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void authBypassAttemptsAreRefused() throws Exception {
    byte[] body = askBody(studyUid).getBytes(StandardCharsets.UTF_8);
    Map<String, Map<String, String>> headerTricks = new LinkedHashMap<>();
    headerTricks.put("no key", Map.of());
    headerTricks.put("wrong key", Map.of("Authorization", "Bearer wrong-key-0123456789abcdef"));
    headerTricks.put("key with a suffix", Map.of("Authorization", "Bearer " + ServedMedVqa.KEY + "x"));
    headerTricks.put("key prefix", Map.of("Authorization", "Bearer " + ServedMedVqa.KEY.substring(0, 20)));
    headerTricks.put("empty bearer", Map.of("Authorization", "Bearer "));
    headerTricks.put("key without scheme", Map.of("Authorization", ServedMedVqa.KEY));
    headerTricks.put("basic auth", Map.of("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((ServedMedVqa.KEY + ":").getBytes(StandardCharsets.UTF_8))));
    headerTricks.put("X-API-Key", Map.of("X-API-Key", ServedMedVqa.KEY));
    headerTricks.put("key as a cookie", Map.of("Cookie", "key=" + ServedMedVqa.KEY));
    for (var t : headerTricks.entrySet()) {
      RawHttp.Response r = call("POST", "/api/v1/ask", json(t.getValue()), body);
      refused(r, t.getKey(), 401);
      assertThat(r.headers().get("www-authenticate")).as(t.getKey()).startsWith("Bearer");
    }
    for (String q : List.of("key", "api_key", "apiKey", "access_token", "token")) {
      refused(call("POST", "/api/v1/ask?" + q + "=" + ServedMedVqa.KEY, json(Map.of()), body), "?" + q, 401);
    }
    // Paths that might slip past a check on the raw path and still reach /ask (or models) after decoding.
    List<String> paths = List.of(
        "/api/v1/../v1/ask", "/api/v1/%2e%2e/v1/ask", "/api/v1/%2E%2E/v1/ask", "/api/v1/.%2e/v1/ask",
        "/api/v1/health/../ask", "/api/v1/health/%2e%2e/ask", "/api/v1/health/..%2fask", "/api/v1/health%2f..%2fask",
        "/api/v1/health/./../ask", "/api/v1/health;/../ask", "/api/v1/health/..;/ask", "/api/v1/ask;health",
        "//api/v1/ask", "/api//v1/ask", "/api/v1//ask", "/./api/v1/ask", "/static/../api/v1/ask", "/api/v1/ask/",
        "/API/v1/ask", "/Api/V1/Ask", "/api/V1/ask", "/api/v1/%61sk", "/api%2fv1%2fask", "/api/v1/ask%00",
        "/api/v1/ask%20", "/api/v1/health%00/../ask", "/%2e/api/v1/ask", "/api/v1/health/%2E%2E%2Fask",
        "/api/v1/health/..%5cask");
    for (String p : paths) {
      RawHttp.Response r = call("POST", p, json(Map.of()), body);
      refused(r, p, 400, 401, 404, 405);
    }
    // Not a URI at all: the JDK HTTP server refuses it itself (400, its own short HTML body) before any handler.
    for (String p : List.of("/api/v1/health/..\\ask", "/api/v1/ask\\", "/api/v1/health/..|/ask")) {
      RawHttp.Response r = call("POST", p, json(Map.of()), body);
      assertThat(r.status()).as(p + ": " + r).isEqualTo(400);
      assertThat(r.text()).doesNotContain(ServedMedVqa.KEY).doesNotContain(SECRET);
    }
    for (String p : List.of("/api/v1/health/../models", "/api/v1/health/%2e%2e/models", "/API/V1/models",
        "/api/v1/models/", "//api/v1/models")) {
      refused(call("GET", p, Map.of(), null), p, 400, 401, 404, 405);
    }
  }

  @Test
  @Order(3)
  void pathTraversalInFileAndFolderParametersIsRefused() throws Exception {
    for (String dataset : List.of("../outside/dataset", "..", ".", "/", "/etc", "/tmp", "../../../../etc",
        "a/../../outside/dataset", "%2e%2e/outside/dataset", "..\\outside\\dataset", outside.resolve("dataset").toString(),
        "datasets/../../outside/dataset", "\u0000", "dataset\u0000/../..", "~", "~/", "file:///etc")) {
      String body = "{\"kind\":\"SFT\",\"dataset\":" + quote(dataset) + ",\"steps\":1}";
      refused(call("POST", "/api/v1/training-jobs", json(auth()), body.getBytes(StandardCharsets.UTF_8)),
          "dataset " + dataset, 400, 404);
    }
    Files.createDirectories(server.root.resolve("datasets/real"));
    for (String base : List.of("../outside", "..", "/etc", "model/../../outside", "%2e%2e")) {
      String body = "{\"kind\":\"SFT\",\"dataset\":\"real\",\"baseModel\":" + quote(base) + ",\"steps\":1}";
      refused(call("POST", "/api/v1/training-jobs", json(auth()), body.getBytes(StandardCharsets.UTF_8)),
          "baseModel " + base, 400, 404);
    }
    for (String id : List.of("..%2Foutside", "..%2F..%2Foutside", "%2e%2e", "..", ".%2e", "model%2F..%2F..%2Foutside",
        "%2Fetc", ".hidden", "..%5Coutside", "%00")) {
      refused(call("POST", "/api/v1/models/" + id + "/activate", auth(), new byte[0]), "model id " + id, 400, 404);
    }
    for (String uid : List.of("..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "1.2.3%2F..%2F..", canaryStudyUid,
        "1.2.840%00", "..%5C..%5Coutside")) {
      refused(call("GET", "/api/v1/studies/" + uid + "/slices", auth(), null), "study uid " + uid, 400, 404);
    }
    String[][] refs = {
        {"studyInstanceUID", "../../etc/passwd"}, {"studyInstanceUID", "../outside"}, {"studyInstanceUID", canaryStudyUid},
        {"studyInstanceUID", outside.resolve("canary.dcm").toString()}, {"seriesInstanceUID", "../../outside"},
        {"sopInstanceUID", "../../etc/passwd"}, {"sopInstanceUID", "..\\..\\outside\\canary"},
        {"sopInstanceUID", "1.2.3/../../../outside/canary"}};
    for (String[] ref : refs) {
      String body = ref[0].equals("studyInstanceUID")
          ? "{\"studyInstanceUID\":" + quote(ref[1]) + ",\"question\":\"" + QUESTION + "\"}"
          : "{\"studyInstanceUID\":\"" + studyUid + "\"," + quote(ref[0]) + ":" + quote(ref[1]) + ",\"question\":\"" + QUESTION + "\"}";
      refused(call("POST", "/api/v1/ask", json(auth()), body.getBytes(StandardCharsets.UTF_8)),
          ref[0] + " " + ref[1], 400, 404);
    }
    // An upload's file name is not used as a path: the answer comes and nothing lands where it points.
    for (String name : List.of("../../outside/pwned.dcm", outside.resolve("pwned.dcm").toString(), "..\\..\\pwned.dcm")) {
      RawHttp.Response r = call("POST", "/api/v1/ask", with(auth(), "Content-Type", HostileFiles.FORM),
          HostileFiles.form(QUESTION, name, studyFile));
      assertThat(r.status()).as(name + ": " + r).isEqualTo(200);
    }
  }

  @Test
  @Order(4)
  void oversizedUploadsAreRefusedWithoutReadingThemWhole() throws Exception {
    long rssBefore = server.rssKib();
    RawHttp.Response declared = call("POST", "/api/v1/ask",
        with(with(auth(), "Content-Type", HostileFiles.FORM), "Content-Length", Long.toString(10L << 30)), null);
    refused(declared, "declared 10 GiB", 413);
    for (String target : List.of("/api/v1/ask", "/api/v1/previews")) {
      RawHttp.Streamed s = RawHttp.streamChunked(server.port(), target, with(auth(), "Content-Type", HostileFiles.FORM),
          1L << 30);
      refused(s.response(), "chunked 1 GiB to " + target, 413);
      assertThat(s.bytesWritten()).as("bytes the server took before refusing").isLessThan(256L << 20);
      System.out.printf("oversized: %s refused after %d MiB of 1024 MiB were sent%n", target, s.bytesWritten() >> 20);
    }
    RawHttp.Response json = call("POST", "/api/v1/score", json(auth()),
        ("{\"answer\":\"" + "a".repeat((int) UPLOAD_LIMIT) + "\",\"reference\":\"b\"}").getBytes(StandardCharsets.UTF_8));
    refused(json, "JSON body over the limit", 413);
    healthy();
    System.out.printf("oversized: server RSS %d MiB before, %d MiB after (heap limit 384 MiB)%n",
        rssBefore >> 10, server.rssKib() >> 10);
  }

  @Test
  @Order(5)
  void deflateBombsAreRefusedWithBoundedMemory() throws Exception {
    // 2 * 23170^2 bytes = 1 GiB inflated (past any sane limit); 2 * 16000^2 = 488 MiB (a "plausible" large image).
    for (int side : new int[] {23170, 16000}) {
      Path bomb = HostileFiles.deflateBomb(dir.resolve("bomb-" + side + ".dcm"), side);
      byte[] bytes = Files.readAllBytes(bomb);
      System.out.printf("deflate bomb: %d bytes inflating to %d MiB%n", bytes.length, (2L * side * side) >> 20);
      for (String target : List.of("/api/v1/ask", "/api/v1/previews")) {
        RawHttp.Response r = call("POST", target, with(auth(), "Content-Type", HostileFiles.FORM),
            HostileFiles.form(QUESTION, "bomb.dcm", bytes));
        refused(r, "deflate bomb " + side + " to " + target, 400, 413, 422);
        healthy();
      }
    }
    assertThat(server.output()).doesNotContain("OutOfMemoryError");
  }

  @Test
  @Order(6)
  void aJpegThatMadeGdcmAbortTheJvmIsRefusedAndTheServerLives() throws Exception {
    // Found by fuzzing DicomReadingFuzzTest: stray bytes in a 12-bit JPEG header made GDCM assert(0).
    Path crash = Corpora.root().getParent().getParent().resolve("dicom-adapters/src/test/resources/org/medvqa/dicom/fuzz/"
        + "DicomReadingFuzzTestInputs/dicomFiles/crash-gdcm-jpeg12-assert-aborts-jvm");
    byte[] bytes = Files.readAllBytes(crash);
    for (String target : List.of("/api/v1/ask", "/api/v1/previews")) {
      refused(call("POST", target, with(auth(), "Content-Type", HostileFiles.FORM),
          HostileFiles.form(QUESTION, "x.dcm", bytes)), "GDCM-aborting JPEG to " + target, 400);
      healthy();
    }
  }

  @Test
  @Order(7)
  void deeplyNestedJsonIsRefused() throws Exception {
    byte[] arrays = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
    byte[] objects = "{\"a\":".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
    byte[] closed = ("[".repeat(50_000) + "]".repeat(50_000)).getBytes(StandardCharsets.US_ASCII);
    for (String target : List.of("/api/v1/score", "/api/v1/ask", "/api/v1/training-jobs")) {
      for (byte[] body : List.of(arrays, objects, closed)) {
        refused(call("POST", target, json(auth()), body), "nested JSON to " + target, 400);
      }
    }
    String nestedField = "{\"answer\":\"yes\",\"reference\":\"yes\",\"extra\":" + "[".repeat(100_000) + "}";
    refused(call("POST", "/api/v1/score", json(auth()), nestedField.getBytes(StandardCharsets.US_ASCII)),
        "nested unknown field", 400);
    healthy();
  }

  @Test
  @Order(99)
  void nothingOutsideTheServersFoldersWasReadOrWritten() throws Exception {
    healthy();
    assertThat(snapshot(outside)).as("the canary folder").isEqualTo(outsideBefore);
    for (String a : answers) {
      assertThat(a).doesNotContain(SECRET);
    }
    assertThat(ServedMedVqa.files(server.root.resolve("tmp"))).as("java.io.tmpdir of the server").isEmpty();
    assertThat(ServedMedVqa.files(server.root.resolve("data"))).as("scratch and data folder").isEmpty();
    assertThat(ServedMedVqa.files(server.root)).as("everything under the server's root")
        .allMatch(f -> f.equals("api-keys") || f.equals("server.json") || f.startsWith("server.")
            || f.equals("audit.jsonl") || f.equals("models/ACTIVE") || f.equals("studies/ct.dcm"));
    assertThat(server.output()).doesNotContain(SECRET).doesNotContain(ServedMedVqa.KEY);
    assertThat(server.audit()).contains("\"keyId\":\"anonymous\"").doesNotContain(ServedMedVqa.KEY);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static RawHttp.Response call(String method, String target, Map<String, String> headers, byte[] body)
      throws Exception {
    RawHttp.Response r = RawHttp.send(server.port(), method, target, headers, body);
    answers.add(r.text());
    return r;
  }

  /** A refusal: one of the statuses, problem+json with the same status, no secret, no key, no stack trace. */
  private static void refused(RawHttp.Response r, String what, Integer... statuses) throws Exception {
    answers.add(r.text());
    String log = r.status() >= 500 ? "\nserver log tail:\n" + tail(server.output(), 4000) : "";
    assertThat(r.status()).as(what + ": " + r + log).isIn((Object[]) statuses);
    assertThat(r.isProblem()).as(what + " answers problem+json: " + r).isTrue();
    assertThat(r.json().path("status").asInt()).as(what).isEqualTo(r.status());
    assertThat(r.text()).as(what).doesNotContain(SECRET).doesNotContain(ServedMedVqa.KEY)
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  static String tail(String s, int n) {
    return s.length() <= n ? s : s.substring(s.length() - n);
  }

  private static void healthy() throws Exception {
    RawHttp.Response h = RawHttp.get(server.port(), "/api/v1/health", Map.of());
    assertThat(h.status()).as(h.toString()).isEqualTo(200);
    assertThat(server.process.isAlive()).isTrue();
  }

  private static String askBody(String uid) {
    return "{\"studyInstanceUID\":\"" + uid + "\",\"question\":\"" + QUESTION + "\"}";
  }

  private static Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + ServedMedVqa.KEY);
  }

  private static Map<String, String> json(Map<String, String> headers) {
    return with(headers, "Content-Type", "application/json");
  }

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(headers);
    m.put(name, value);
    return m;
  }

  private static String quote(String s) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
  }

  /** Every file under {@code root} with its size and content hash. */
  static Map<String, String> snapshot(Path root) throws Exception {
    Map<String, String> m = new java.util.TreeMap<>();
    for (String f : ServedMedVqa.files(root)) {
      byte[] b = Files.readAllBytes(root.resolve(f));
      m.put(f, b.length + ":" + java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(b)));
    }
    return m;
  }
}
