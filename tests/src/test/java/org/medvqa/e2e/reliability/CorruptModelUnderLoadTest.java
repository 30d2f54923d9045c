package org.medvqa.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.Corpora;

/**
 * Broken model directories offered to a real server's registry while 8 clients keep asking questions:
 * each {@code POST /api/v1/models/{id}/activate} is refused 422 with a problem+json naming what is wrong,
 * the active model keeps answering (health and every answer name it), no request in flight fails, and a
 * good model offered afterwards is activated and answers.
 *
 * <p>The broken ones: an empty folder; config.json cut short; a copy still being written (config only);
 * parameters cut in half; one flipped byte in the parameters (checksum); tokenizer missing; an
 * architecture edited in config.json with the checksums left valid (weights of the wrong shape).
 */
class CorruptModelUnderLoadTest {
  static final int CLIENTS = 8;

  @TempDir static Path dir;

  @Test
  void brokenModelsAreRefusedWhileTheActiveOneKeepsServing() throws Exception {
    Path good = TrainingFixtures.tinyModel(dir.resolve("base"), 9);
    byte[] upload = HostileFiles.form("Is there a nodule?", "ct.dcm", Files.readAllBytes(Corpora.pydicom("CT_small.dcm")));
    try (ServedMedVqa server = ServedMedVqa.start(dir.resolve("server"), good, new ServedMedVqa.Options())) {
      Path registry = server.root.resolve("models");
      String activeId = activeId(server);
      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      Map<String, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
      List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(Thread.ofPlatform().start(() -> {
          while (!stop.get()) {
            try {
              RawHttp.Response r = RawHttp.send(server.port(), "POST", "/api/v1/ask",
                  Map.of("Authorization", "Bearer " + ServedMedVqa.KEY, "Content-Type", HostileFiles.FORM), upload);
              statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
              if (r.status() == 200) {
                answeredBy.computeIfAbsent(r.json().path("model").path("id").asText(), k -> new AtomicInteger())
                    .incrementAndGet();
              } else {
                failures.add(r.toString());
              }
            } catch (IOException e) {
              failures.add(e.toString());
            }
          }
        }));
      }
      Thread.sleep(1_000);
      Map<String, String> refusals = new LinkedHashMap<>();
      for (var broken : brokenModels(good, registry).entrySet()) {
        RawHttp.Response r = RawHttp.send(server.port(), "POST", "/api/v1/models/" + broken.getKey() + "/activate",
            Map.of("Authorization", "Bearer " + ServedMedVqa.KEY), new byte[0]);
        assertThat(r.status()).as(broken.getKey() + ": " + r).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        String detail = r.json().path("detail").asText();
        assertThat(detail).as(broken.getKey()).contains("active model keeps serving").containsIgnoringCase(broken.getValue());
        assertThat(detail).as("where the server keeps its models is not the caller's business")
            .doesNotContain(server.root.toString());
        refusals.put(broken.getKey(), detail);
        assertThat(activeId(server)).as("after " + broken.getKey()).isEqualTo(activeId);
        Thread.sleep(200);
      }
      copy(good, registry.resolve("fixed"));
      RawHttp.Response ok = RawHttp.send(server.port(), "POST", "/api/v1/models/fixed/activate",
          Map.of("Authorization", "Bearer " + ServedMedVqa.KEY), new byte[0]);
      assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (answeredBy.getOrDefault("fixed", new AtomicInteger()).get() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      stop.set(true);
      for (Thread t : clients) {
        t.join(60_000);
      }
      refusals.forEach((id, detail) -> System.out.printf("corrupt model %s: 422 %s%n", id, detail));
      System.out.printf("corrupt model under load: %s answers by status, by model %s%n", statuses, answeredBy);
      assertThat(failures).as("requests that failed while models were refused").isEmpty();
      assertThat(answeredBy.keySet()).contains(activeId, "fixed");
      assertThat(server.output()).doesNotContain("SEVERE");
    }
  }

  private static String activeId(ServedMedVqa server) throws IOException {
    return RawHttp.get(server.port(), "/api/v1/health", Map.of()).json().path("model").path("id").asText();
  }

  /** Broken copies of {@code good} in the registry, by id, with a word the refusal must contain. */
  private static Map<String, String> brokenModels(Path good, Path registry) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    Files.createDirectories(registry.resolve("empty"));
    m.put("empty", "config.json");
    Path truncated = copy(good, registry.resolve("truncated-config"));
    String config = Files.readString(truncated.resolve("config.json"));
    Files.writeString(truncated.resolve("config.json"), config.substring(0, config.length() / 2));
    m.put("truncated-config", "config.json");
    Path copying = Files.createDirectories(registry.resolve("still-copying"));
    Files.copy(good.resolve("config.json"), copying.resolve("config.json"));
    m.put("still-copying", "tokenizer");
    Path half = copy(good, registry.resolve("half-weights"));
    Path params = half.resolve("model.safetensors");
    byte[] p = Files.readAllBytes(params);
    Files.write(params, java.util.Arrays.copyOf(p, p.length / 2));
    m.put("half-weights", "model.safetensors");
    Path flipped = copy(good, registry.resolve("flipped-byte"));
    byte[] f = Files.readAllBytes(flipped.resolve("model.safetensors"));
    f[f.length - 10] ^= 1;
    Files.write(flipped.resolve("model.safetensors"), f);
    m.put("flipped-byte", "model.safetensors");
    Path noTokenizer = copy(good, registry.resolve("no-tokenizer"));
    Files.delete(noTokenizer.resolve("tokenizer.json"));
    m.put("no-tokenizer", "tokenizer");
    Path reshaped = copy(good, registry.resolve("edited-architecture"));
    String c = Files.readString(reshaped.resolve("config.json"), StandardCharsets.UTF_8);
    Files.writeString(reshaped.resolve("config.json"), c.replaceFirst("\"width\" ?: ?(\\d+)", "\"width\" : 96"));
    m.put("edited-architecture", "");
    return m;
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }
}
