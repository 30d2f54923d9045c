package org.medvqa.plugin.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.plugin.server.MedVqaServer;

/** The REST API over a real HTTP server: statuses, problem documents, auth, limits, audit. */
class RestApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path tmp;
  static MedVqaServer server;
  static Http http;
  static Http anonymous;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start(tmp, 1 << 20);
    http = new Http(server.baseUri(), TestServers.KEY);
    anonymous = new Http(server.baseUri(), null);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  static void assertProblem(HttpResponse<String> r, int status) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
    JsonNode p = json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("type").asText()).isEqualTo("about:blank");
  }

  static byte[] png(int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.getRaster().setSample(x, y, 0, (x * 255) / w);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void healthNeedsNoKeyAndNamesTheModel() throws Exception {
    HttpResponse<String> r = anonymous.get("/api/v1/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode h = json(r);
    assertThat(h.get("status").asText()).isEqualTo("ok");
    assertThat(h.at("/model/id").asText()).isEqualTo(server.activeModel().id());
    assertThat(h.at("/model/version").asText()).hasSize(12);
    assertThat(h.at("/model/device").asText()).as("a plain device name, not DJL's cpu()").matches("cpu|gpu\\d+");
  }

  @Test
  void everyOtherEndpointNeedsAValidKey() throws Exception {
    for (String path : List.of("/api/v1/models", "/api/v1/openapi.json", "/api/v1/training-jobs", "/api/v1/studies")) {
      assertProblem(anonymous.get(path), 401);
    }
    assertProblem(new Http(server.baseUri(), "wrong-key-wrong-key-wrong").get("/api/v1/models"), 401);
    assertProblem(anonymous.get("/api/v1/models?access_token=" + TestServers.KEY), 401);
    assertProblem(anonymous.get("/api/v1/models?api_key=" + TestServers.KEY), 401);
    assertProblem(anonymous.postJson("/api/v1/score", "{\"answer\":\"yes\",\"reference\":\"yes\"}"), 401);
    assertThat(anonymous.get("/api/v1/health/../models").statusCode()).isIn(400, 401);
    assertThat(anonymous.get("/api/v1/health/%2e%2e/models").statusCode()).isIn(400, 401);
    assertThat(http.get("/api/v1/models").statusCode()).isEqualTo(200);
  }

  @Test
  void jerseysOwnErrorsAreProblemDocuments() throws Exception {
    assertProblem(http.get("/api/v1/no-such-thing"), 404);
    assertProblem(http.get("/api/v1/ask"), 405);
    assertProblem(http.send(http.request("/api/v1/score").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("answer=yes")).build()), 415);
    assertProblem(http.send(http.request("/api/v1/ask").header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofString("<ask/>")).build()), 415);
  }

  @Test
  void malformedJsonIsA400() throws Exception {
    assertProblem(http.postJson("/api/v1/score", "{\"answer\": \"yes\", "), 400);
    assertProblem(http.postJson("/api/v1/score", "[1,2,3]"), 400);
    assertProblem(http.postJson("/api/v1/score", "{\"reference\": \"yes\"}"), 400);
    assertProblem(http.postJson("/api/v1/ask", "{\"studyInstanceUID\": "), 400);
    assertProblem(http.postJson("/api/v1/ask", "[".repeat(5000)), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"PPO\", \"dataset\": \"x\"}"), 400);
  }

  @Test
  void scoreReturnsEveryRewardComponent() throws Exception {
    HttpResponse<String> r = http.postJson("/api/v1/score",
        "{\"answer\": \"<think>A round opacity in the left lung.</think><answer>left lung nodule</answer>\","
            + " \"reference\": \"nodule in the left lung\", \"question\": \"What is the finding?\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode s = json(r);
    assertThat(s.get("components").has("format")).isTrue();
    assertThat(s.at("/components/format").asDouble()).isEqualTo(1.0);
    assertThat(s.at("/components/semantic").asDouble()).isGreaterThan(0.5);
    JsonNode wrongSide = json(http.postJson("/api/v1/score",
        "{\"answer\": \"right lung nodule\", \"reference\": \"nodule in the left lung\"}"));
    assertThat(wrongSide.at("/components/semantic").asDouble()).isLessThan(s.at("/components/semantic").asDouble());
    assertThat(wrongSide.at("/components/format").asDouble()).isEqualTo(0.0);
    assertThat(s.get("total").asDouble()).isGreaterThan(wrongSide.get("total").asDouble());
  }

  @Test
  void askNeedsAQuestionAndFiles() throws Exception {
    Map<String, Object> noQuestion = new LinkedHashMap<>();
    noQuestion.put("files", png(32, 32));
    assertProblem(http.postMultipart("/api/v1/ask", noQuestion), 400);
    assertProblem(http.postMultipart("/api/v1/ask", Map.of("question", "Is there a mass?")), 400);
    Map<String, Object> blank = new LinkedHashMap<>();
    blank.put("files", png(32, 32));
    blank.put("question", "   ");
    assertProblem(http.postMultipart("/api/v1/ask", blank), 400);
    assertProblem(http.postJson("/api/v1/ask", "{\"studyInstanceUID\": \"1.2.3\"}"), 400);
    assertProblem(http.postJson("/api/v1/ask", "{\"studyInstanceUID\": \"../../etc/passwd\", \"question\": \"q\"}"), 400);
  }

  @Test
  void badImageUploadIsA400() throws Exception {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("files", "this is not an image at all".getBytes(StandardCharsets.UTF_8));
    parts.put("question", "Is there a mass?");
    assertProblem(http.postMultipart("/api/v1/ask", parts), 400);
    byte[] truncatedPng = java.util.Arrays.copyOf(png(64, 64), 40);
    parts.put("files", truncatedPng);
    assertProblem(http.postMultipart("/api/v1/ask", parts), 400);
  }

  @Test
  void askAboutAnUploadedPngAnswersWithProvenance() throws Exception {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("files", png(64, 48));
    parts.put("question", "Is there a mass in the left lung?");
    HttpResponse<String> r = http.postMultipart("/api/v1/ask", parts);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode a = json(r);
    assertThat(a.get("answer").asText()).isNotBlank();
    assertThat(a.has("reasoning")).isTrue();
    assertThat(a.get("concepts").isArray()).isTrue();
    assertThat(a.at("/model/id").asText()).isEqualTo(server.activeModel().id());
    assertThat(a.at("/model/version").asText()).isEqualTo(server.activeModel().version());
    assertThat(a.at("/timings/totalMs").asLong()).isGreaterThanOrEqualTo(a.at("/timings/inferenceMs").asLong());
    assertThat(a.get("sliceCount").asInt()).isEqualTo(1);
  }

  @Test
  void oversizedUploadWithContentLengthIsRefusedBeforeReading() throws Exception {
    long declared = 50L << 20;
    try (Socket s = new Socket(server.baseUri().getHost(), server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestServers.KEY
          + "\r\nContent-Type: multipart/form-data; boundary=zz\r\nContent-Length: " + declared + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write("--zz\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      s.setSoTimeout(10_000);
      String head = readHead(s.getInputStream());
      assertThat(head).startsWith("HTTP/1.1 413");
      assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
    }
  }

  @Test
  void oversizedChunkedUploadIsCutOffAtTheLimit() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    HttpRequest req = http.request("/api/v1/ask")
        .header("Content-Type", "multipart/form-data; boundary=zz")
        .POST(HttpRequest.BodyPublishers.fromPublisher(endless(chunk, 64)))
        .build();
    HttpResponse<String> r;
    try {
      r = http.send(req);
    } catch (IOException e) {
      // the server may close while the client is still sending; what matters is that it did not read on
      return;
    }
    assertProblem(r, 413);
  }

  private static Flow.Publisher<java.nio.ByteBuffer> endless(byte[] chunk, int times) {
    return HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
      long left = (long) chunk.length * times;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
    });
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      sb.append((char) c);
      if (sb.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    return sb.toString();
  }

  @Test
  void modelsAreListedAndUnknownOrCorruptOnesRefused() throws Exception {
    JsonNode models = json(http.get("/api/v1/models"));
    assertThat(models.at("/active/id").asText()).isEqualTo(server.activeModel().id());
    assertThat(models.get("models").size()).isGreaterThanOrEqualTo(2);
    assertProblem(http.postJson("/api/v1/models/no-such-model/activate", ""), 404);
    String before = server.activeModel().version();
    assertProblem(http.postJson("/api/v1/models/" + TestServers.CORRUPT_MODEL + "/activate", ""), 422);
    assertThat(server.activeModel().version()).isEqualTo(before);
    assertThat(anonymous.get("/api/v1/health").statusCode()).isEqualTo(200);
  }

  @Test
  void openApiAndWebPageAreServed() throws Exception {
    HttpResponse<String> api = http.get("/api/v1/openapi.json");
    assertThat(api.statusCode()).isEqualTo(200);
    JsonNode doc = json(api);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    for (String path : List.of("/api/v1/health", "/api/v1/models", "/api/v1/models/{id}/activate", "/api/v1/ask",
        "/api/v1/score", "/api/v1/training-jobs", "/api/v1/training-jobs/{id}")) {
      assertThat(doc.get("paths").has(path)).as(path).isTrue();
    }
    HttpResponse<String> page = anonymous.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<canvas id=\"image\"", "/static/app.js");
    assertThat(anonymous.get("/static/app.js").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/static/..%2Fweb%2Findex.html").statusCode()).isIn(400, 404);
    assertThat(anonymous.get("/static/openapi.json").statusCode()).isEqualTo(404);
  }

  @Test
  void auditLogRecordsKeyIdsNotKeys() throws Exception {
    http.get("/api/v1/models");
    anonymous.get("/api/v1/models");
    List<String> lines = Files.readAllLines(server.auditLog());
    assertThat(lines).isNotEmpty();
    String all = String.join("\n", lines);
    assertThat(all).doesNotContain(TestServers.KEY);
    JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
    for (String field : List.of("time", "keyId", "endpoint", "status", "outcome", "durationMs")) {
      assertThat(last.has(field)).as(field).isTrue();
    }
    assertThat(all).contains("\"keyId\":\"key-", "\"endpoint\":\"GET /api/v1/models\"", "\"keyId\":\"anonymous\"");
  }
}
