package org.medvqa.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.orthanc.OrthancServer;
import org.medvqa.dicom.orthanc.SyntheticStudy;
import org.medvqa.dicom.source.PacsException;
import org.medvqa.dicom.source.PacsException.Kind;

/**
 * The failures a real PACS is too well-behaved to show on demand, served by a small local HTTP server:
 * a multipart response cut off mid-part, a server that stalls before or during the body, 5xx answers that
 * clear up, and no server at all. The Part-10 payload is a real file written by {@link SyntheticStudy}.
 */
class DicomWebClientFailureTest {

  private static final String BOUNDARY = "cut-here";
  /** How long the stalling handlers stall: far beyond the 400 ms the timeout tests allow. */
  private static final long STALL_MS = 15_000;
  private static HttpServer server;
  private static ExecutorService executor;
  private static byte[] instance;
  private static final AtomicInteger flakyCalls = new AtomicInteger();
  @TempDir static Path work;

  @BeforeAll
  static void startServer() throws IOException {
    instance = Files.readAllBytes(SyntheticStudy.write(work.resolve("in"), "P", 1, 32, 3).files().get(0));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/cut/studies/", DicomWebClientFailureTest::cutOffMidPart);
    server.createContext("/stall-body/studies/", DicomWebClientFailureTest::stallMidBody);
    server.createContext("/stall-headers/studies", exchange -> {
      sleep(STALL_MS);
      exchange.close();
    });
    server.createContext("/flaky/studies", exchange -> {
      if (flakyCalls.incrementAndGet() <= 2) {
        exchange.sendResponseHeaders(503, -1);
      } else {
        byte[] json = "[]".getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().add("Content-Type", "application/dicom+json");
        exchange.sendResponseHeaders(200, json.length);
        exchange.getResponseBody().write(json);
      }
      exchange.close();
    });
    server.createContext("/broken/studies", exchange -> {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void cutOffMidPart(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(partHeader());
      out.write(instance);
      out.write(partHeader());
      out.write(instance, 0, instance.length / 2);
    }
  }

  private static void stallMidBody(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write(partHeader());
    out.write(instance, 0, 100);
    out.flush();
    sleep(STALL_MS);
    exchange.close();
  }

  private static byte[] partHeader() {
    return ("\r\n--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** A client with a generous read timeout, for the tests that are not about timeouts. */
  private static DicomWebClient client(String prefix) {
    return client(prefix, Duration.ofSeconds(20));
  }

  private static DicomWebClient client(String prefix, Duration readTimeout) {
    return new DicomWebClient(DicomWebConfig.of("http://127.0.0.1:" + server.getAddress().getPort() + prefix)
        .withTimeouts(Duration.ofSeconds(5), readTimeout)
        .withRetries(2, Duration.ofMillis(20)));
  }

  @Test
  void responseCutOffMidMultipartIsAProtocolErrorAndKeepsOnlyCompleteFiles(@TempDir Path out) throws IOException {
    try (DicomWebClient client = client("/cut")) {
      assertThatThrownBy(() -> client.retrieveInstances("studies/1.2.3", out))
          .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL))
          .hasMessageContaining("broke off")
          .hasMessageContaining("1 complete instance(s)");
    }
    try (var files = Files.list(out)) {
      List<Path> left = files.toList();
      assertThat(left).singleElement().satisfies(f -> {
        assertThat(f.getFileName().toString()).endsWith(".dcm");
        assertThat(Files.readAllBytes(f)).isEqualTo(instance);
      });
    }
  }

  @Test
  void serverStallingMidBodyTimesOut(@TempDir Path out) {
    // The server stalls for STALL_MS and then closes, which would be a PROTOCOL error: TIMEOUT shows
    // the client gave up on its own, without a timed assertion.
    try (DicomWebClient client = client("/stall-body", Duration.ofMillis(400))) {
      assertThatThrownBy(() -> client.retrieveInstances("studies/1.2.3", out))
          .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
          .hasMessageContaining("no data for 400 ms");
    }
  }

  @Test
  void serverNotAnsweringTimesOut() {
    try (DicomWebClient client = client("/stall-headers", Duration.ofMillis(400))) {
      assertThatThrownBy(() -> client.qido("studies", Map.of()))
          .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
    }
  }

  @Test
  void transientServerErrorsAreRetried() {
    flakyCalls.set(0);
    try (DicomWebClient client = client("/flaky")) {
      assertThat(client.qido("studies", Map.of())).isEmpty();
    }
    assertThat(flakyCalls.get()).isEqualTo(3);
  }

  @Test
  void persistentServerErrorIsAProtocolErrorAfterRetries() {
    try (DicomWebClient client = client("/broken")) {
      assertThatThrownBy(() -> client.qido("studies", Map.of()))
          .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROTOCOL))
          .hasMessageContaining("HTTP 500");
    }
  }

  @Test
  void pacsDownIsUnreachable() throws IOException {
    int port = OrthancServer.freePorts(1)[0];
    try (DicomWebClient client = new DicomWebClient(DicomWebConfig.of("http://127.0.0.1:" + port + "/dicom-web")
        .withRetries(1, Duration.ofMillis(10)))) {
      assertThatThrownBy(() -> client.qido("studies", Map.of()))
          .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessageContaining("unreachable");
    }
  }

  @Test
  void configRejectsNonHttpUrls() {
    assertThatThrownBy(() -> DicomWebConfig.of("ftp://pacs/dicom-web")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpAuth.parseUserPassword("nocolon")).isInstanceOf(IllegalArgumentException.class);
    assertThat(HttpAuth.parseUserPassword("u:p:q")).isEqualTo(HttpAuth.basic("u", "p:q"));
    assertThat(HttpAuth.basic("u", "secret").toString()).doesNotContain("secret");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // server stopping
    }
  }
}
