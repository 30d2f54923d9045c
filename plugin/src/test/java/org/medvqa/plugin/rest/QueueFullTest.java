package org.medvqa.plugin.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medvqa.plugin.rest.RestApiTest.assertProblem;
import static org.medvqa.plugin.rest.RestApiTest.json;
import static org.medvqa.plugin.rest.RestApiTest.png;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.plugin.adapters.RealComponents;
import org.medvqa.plugin.engine.InferenceEngine;
import org.medvqa.plugin.model.Answerer;
import org.medvqa.plugin.model.Question;
import org.medvqa.plugin.server.MedVqaServer;
import org.medvqa.plugin.server.ServerConfig;

/**
 * The bounded queue over REST. The server runs with {@code maxBatch 1}, {@code queueCapacity 1} and a
 * model held at a gate, so the state is exact rather than timed: one question in the model, one
 * waiting, and then every further ask from many concurrent clients answers 429 with
 * {@code Retry-After} and a problem+json body. Opening the gate answers the two admitted questions,
 * and the server serves normally afterwards.
 */
class QueueFullTest {
  @TempDir static Path tmp;
  static MedVqaServer server;
  static Http http;
  static final GatedModel MODEL = new GatedModel();
  static final ExecutorService CLIENTS = Executors.newVirtualThreadPerTaskExecutor();

  @BeforeAll
  static void start() throws Exception {
    Path keys = tmp.resolve("api-keys");
    Files.writeString(keys, TestServers.KEY + "\n");
    Path modelDir = Files.createDirectories(tmp.resolve("gated"));
    ServerConfig config = new ServerConfig();
    config.port = 0;
    config.apiKeys = keys.toString();
    config.modelsDir = tmp.resolve("models").toString();
    config.auditLog = tmp.resolve("audit.jsonl").toString();
    config.maxBatch = 1;
    config.queueCapacity = 1;
    config.requestTimeoutMs = 60_000;
    server = MedVqaServer.start(config, RealComponents.create(null, 16).withLoader(dir -> MODEL), tmp, modelDir);
    http = new Http(server.baseUri(), TestServers.KEY);
  }

  @AfterAll
  static void stop() {
    MODEL.open();
    CLIENTS.shutdownNow();
    if (server != null) {
      server.close();
    }
  }

  static CompletableFuture<HttpResponse<String>> askAsync(String question) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("files", png(40, 40));
        parts.put("question", question);
        return http.postMultipart("/api/v1/ask", parts);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, CLIENTS);
  }

  @Test
  void aFullQueueAnswers429WithRetryAfterAndTheServerRecovers() throws Exception {
    InferenceEngine engine = server.service().engine();
    CompletableFuture<HttpResponse<String>> inModel = askAsync("first?");
    await(() -> MODEL.entered.getCount() == 0, "the first question reached the model");
    CompletableFuture<HttpResponse<String>> waiting = askAsync("second?");
    await(() -> engine.queued() == 1, "the second question waits in the queue");

    List<CompletableFuture<HttpResponse<String>>> refused = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      refused.add(askAsync("extra " + i + "?"));
    }
    for (CompletableFuture<HttpResponse<String>> f : refused) {
      HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
      assertProblem(r, 429);
      assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isPositive();
      assertThat(json(r).get("detail").asText()).contains("queue");
    }
    assertThat(inModel).isNotDone();
    assertThat(waiting).isNotDone();
    assertThat(http.get("/api/v1/health").statusCode()).as("health answers while the queue is full").isEqualTo(200);

    MODEL.open();
    for (CompletableFuture<HttpResponse<String>> f : List.of(inModel, waiting)) {
      HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(json(r).get("answer").asText()).isEqualTo("yes");
    }
    HttpResponse<String> after = askAsync("after?").get(60, TimeUnit.SECONDS);
    assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    assertThat(json(after).get("reasoning").asText()).contains("after?");
    assertThat(MODEL.calls.availablePermits()).as("model calls: first, second, after").isEqualTo(3);

    List<String> audit = Files.readAllLines(server.auditLog());
    assertThat(audit.stream().filter(l -> l.contains("\"status\":429")).count()).isEqualTo(12);
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out: " + what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Answers "yes", but holds every batch until the test opens the gate. */
  static final class GatedModel implements Answerer {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    final Semaphore calls = new Semaphore(0);

    void open() {
      gate.countDown();
    }

    @Override
    public List<String> generate(List<Question> batch) {
      calls.release();
      entered.countDown();
      try {
        gate.await(120, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return batch.stream().map(q -> "<think>asked: " + q.text() + "</think><answer>yes</answer>").toList();
    }

    @Override
    public String device() {
      return "cpu";
    }

    @Override
    public void close() {}
  }
}
