package org.medvqa.plugin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.orthanc.SyntheticStudy;
import org.medvqa.dicom.source.LocalFolderStudySource;
import org.medvqa.plugin.adapters.RealComponents;
import org.medvqa.plugin.rest.TestServers;
import org.medvqa.plugin.server.MedVqaServer;

/**
 * Fuzzes the JSON request bodies of the two endpoints other systems call most, through the whole
 * server: HTTP parsing, auth, the upload limit, Jackson with the API's settings, the resources, the
 * service and the problem mapper.
 *
 * <p>The server runs once per JVM on a free loopback port: a tiny real model, the default
 * terminology, and a local-folder study source holding a 3-slice synthetic CT and pydicom's
 * {@code CT_small.dcm}, whose fixed study UID ({@value #CT_SMALL_STUDY}) the seeds use. Properties,
 * for every body:
 * <ul>
 *   <li>never a 5xx: the answer is 200, or 400 / 404 / 413 / 429 as {@code application/problem+json}
 *       whose {@code status} member equals the HTTP status;</li>
 *   <li>a problem never echoes internals (no exception class names, no stack frames);</li>
 *   <li>a 200 from {@code /score} holds finite reward components and total; from {@code /ask}, an answer.</li>
 * </ul>
 * SRs stored by a fuzzed {@code "storeSr": true} are removed after each input so the folder stays small.
 */
class RestBodiesFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String CT_SMALL_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
  private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 404, 413, 429);

  private static Server server;

  /** The server, its study folder and the files that belong there. */
  private record Server(MedVqaServer http, Path root, Path studies, LocalFolderStudySource folder, Set<Path> original,
      HttpClient client) {}

  @FuzzTest(maxDuration = "2m")
  void scoreBodies(byte[] body) throws Exception {
    HttpResponse<String> r = post("/api/v1/score", body);
    JsonNode json = checkStatusAndShape(r);
    if (r.statusCode() == 200) {
      assertThat(json.get("total").isNumber()).as(r.body()).isTrue();
      assertThat(Double.isFinite(json.get("total").asDouble())).as(r.body()).isTrue();
      json.get("components").forEach(c -> assertThat(Double.isFinite(c.asDouble())).as(r.body()).isTrue());
    }
  }

  @FuzzTest(maxDuration = "2m")
  void askBodies(byte[] body) throws Exception {
    HttpResponse<String> r = post("/api/v1/ask", body);
    JsonNode json = checkStatusAndShape(r);
    if (r.statusCode() == 200) {
      assertThat(json.hasNonNull("answer")).as(r.body()).isTrue();
    }
    removeStoredSrs();
  }

  private static JsonNode checkStatusAndShape(HttpResponse<String> r) throws IOException {
    int status = r.statusCode();
    assertThat(status).as("status for body answered %s", r.body()).isLessThan(500);
    JsonNode json = JSON.readTree(r.body());
    if (status != 200) {
      assertThat(CLIENT_ERRORS).as("unexpected status %d: %s", status, r.body()).contains(status);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(json.get("status").asInt()).isEqualTo(status);
      String detail = json.path("detail").asText("");
      assertThat(detail).as("problem detail leaks internals").doesNotContainPattern(
          "(Exception|Error)\\b|\\bat [a-z]+\\.[a-z]+|com\\.fasterxml|org\\.glassfish|java\\.lang");
    }
    return json;
  }

  private static HttpResponse<String> post(String path, byte[] body) throws Exception {
    Server s = server();
    HttpRequest request = HttpRequest.newBuilder(s.http().baseUri().resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + TestServers.KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return s.client().send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Deletes files a fuzzed {@code storeSr} added to the study folder. */
  private static void removeStoredSrs() throws IOException {
    Server s = server();
    List<Path> added;
    try (Stream<Path> walk = Files.walk(s.studies())) {
      added = walk.filter(Files::isRegularFile).filter(p -> !s.original().contains(p)).toList();
    }
    if (!added.isEmpty()) {
      for (Path p : added) {
        Files.deleteIfExists(p);
      }
      s.folder().rescan();
    }
  }

  private static synchronized Server server() {
    if (server == null) {
      try {
        Path root = Files.createTempDirectory("fuzz-rest");
        Path studies = Files.createDirectories(root.resolve("studies"));
        SyntheticStudy.write(studies.resolve("ct"), "FUZZ-PATIENT", 3, 32, 5);
        Files.copy(Corpora.pydicom("CT_small.dcm"), studies.resolve("ct-small.dcm"));
        Set<Path> original;
        try (Stream<Path> walk = Files.walk(studies)) {
          original = walk.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
        LocalFolderStudySource folder = new LocalFolderStudySource(studies);
        MedVqaServer http = TestServers.start(root.resolve("server"), 1 << 20, RealComponents.create(folder, 8));
        HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
        server = new Server(http, root, studies, folder, original, client);
        Runtime.getRuntime().addShutdownHook(new Thread(RestBodiesFuzzTest::shutdown));
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the server under test", e);
      }
    }
    return server;
  }

  private static void shutdown() {
    server.http().close();
    server.folder().close();
    try (Stream<Path> walk = Files.walk(server.root())) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
