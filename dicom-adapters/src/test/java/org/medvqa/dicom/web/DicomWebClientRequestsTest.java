package org.medvqa.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medvqa.dicom.source.PacsException;
import org.medvqa.dicom.source.PacsException.Kind;

/** What the client puts on the wire: bearer tokens, query parameters, and no more requests at once than allowed. */
class DicomWebClientRequestsTest {

  private static HttpServer server;
  private static ExecutorService executor;
  private static final AtomicInteger inFlight = new AtomicInteger();
  private static final AtomicInteger maxInFlight = new AtomicInteger();
  private static final AtomicReference<String> lastQuery = new AtomicReference<>();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/bearer/studies", exchange -> {
      boolean ok = "Bearer s3cret-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
      lastQuery.set(exchange.getRequestURI().getRawQuery());
      byte[] body = "[]".getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(ok ? 200 : 401, ok ? body.length : -1);
      if (ok) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.createContext("/slowish/studies", exchange -> {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      byte[] body = "[]".getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static String url(String prefix) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  @Test
  void bearerTokenIsSentAndAWrongOneIsUnauthorized() {
    try (DicomWebClient ok = new DicomWebClient(DicomWebConfig.of(url("/bearer")).withAuth(HttpAuth.bearer("s3cret-token")))) {
      assertThat(ok.qido("studies", Map.of("PatientID", "A B&C"))).isEmpty();
      assertThat(lastQuery.get()).isEqualTo("PatientID=A+B%26C");
    }
    try (DicomWebClient wrong = new DicomWebClient(DicomWebConfig.of(url("/bearer")).withAuth(HttpAuth.bearer("nope")))) {
      assertThatThrownBy(() -> wrong.qido("studies", Map.of()))
          .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
    }
  }

  @Test
  void concurrentRequestsAreLimited() throws Exception {
    maxInFlight.set(0);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (DicomWebClient client = new DicomWebClient(DicomWebConfig.of(url("/slowish")).withMaxConcurrentRequests(2))) {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(callers.submit(() -> client.qido("studies", Map.of())));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(maxInFlight.get()).isEqualTo(2);
  }
}
