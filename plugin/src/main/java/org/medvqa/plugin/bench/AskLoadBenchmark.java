package org.medvqa.plugin.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.medvqa.plugin.adapters.RealComponents;
import org.medvqa.plugin.server.DefaultModel;
import org.medvqa.plugin.server.MedVqaServer;
import org.medvqa.plugin.server.ServerConfig;

/**
 * Throughput and latency of {@code POST /api/v1/ask} over loopback HTTP at 1, 4 and 16 concurrent
 * clients, with dynamic batching on ({@code maxBatch} 16) and off ({@code maxBatch} 1), in one run on
 * the same model: two servers in this JVM, measured in alternating order per concurrency. Each client sends multipart uploads (a 256x256 PNG, a different image per request,
 * so nothing is shared between requests) back to back for the measuring window, after a warm-up.
 *
 * <p>Reported per configuration: requests/s, answered requests, p50 and p99 latency, errors (non-200
 * answers and failed requests; a client goes on after one), the batching ratio (throughput with /
 * without batching at the same concurrency), the JVM's resident set size (servers and clients share
 * the JVM) and the 1-minute load average before and after the window.
 *
 * <pre>{@code
 * plugin/bench/ask-load [--model DIR] [--seconds 20] [--warmup 5] [--clients 1,4,16]
 * }</pre>
 */
public final class AskLoadBenchmark {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private AskLoadBenchmark() {}

  /**
   * Where a request's time went, summed from the server's {@code timings}: decoding the upload, waiting
   * for a batch, the model call (shared by the batch), the rest of the server's work (concepts, JSON),
   * and what the client saw beyond the server's total (HTTP, multipart, the client itself).
   */
  static final class Breakdown {
    private long n;
    private double decode;
    private double queue;
    private double inference;
    private double batch;
    private double serverOther;
    private double transport;

    synchronized void add(com.fasterxml.jackson.databind.JsonNode t, long clientNanos) {
      double total = t.path("totalMs").asDouble();
      n++;
      decode += t.path("decodeMs").asDouble();
      queue += t.path("queueMs").asDouble();
      inference += t.path("inferenceMs").asDouble();
      batch += t.path("batchSize").asDouble();
      serverOther += total - t.path("decodeMs").asDouble() - t.path("queueMs").asDouble() - t.path("inferenceMs").asDouble();
      transport += clientNanos / 1e6 - total;
    }

    @Override
    public synchronized String toString() {
      double k = Math.max(1, n);
      return String.format(Locale.ROOT, "decode %.1f ms, queue %.1f ms, model %.1f ms (batch of %.1f), other server %.1f ms, "
          + "HTTP + client %.1f ms", decode / k, queue / k, inference / k, batch / k, serverOther / k, transport / k);
    }
  }

  record Result(int maxBatch, int clients, long requests, long errors, double seconds, double p50, double p99, long rssMb,
      String load, Breakdown breakdown) {
    double throughput() {
      return requests / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    Path model = null;
    int seconds = 20;
    int warmup = 5;
    int[] clients = {1, 4, 16};
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--model" -> model = Path.of(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--clients" -> clients = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (model == null) {
      model = DefaultModel.locate();
      if (model == null) {
        throw new IllegalArgumentException("no default model; give --model DIR");
      }
    }
    List<byte[]> images = images(64, 256);
    System.out.printf("ask-load %s, %d s per cell after %d s warm-up, %d cores, load average %s%n",
        java.time.Instant.now(), seconds, warmup, Runtime.getRuntime().availableProcessors(), loadAverage());
    List<Result> results = new ArrayList<>();
    List<MedVqaServer> servers = new ArrayList<>();
    String key = "bench-key-0123456789abcdef";
    try {
      for (int maxBatch : new int[] {16, 1}) {
        servers.add(start(model, maxBatch, key));
      }
      // both servers up at once, and the order alternates (on/off, then off/on, ...), so neither side
      // gets the colder JVM or a quieter stretch of the shared machine
      for (int k = 0; k < clients.length; k++) {
        int n = clients[k];
        List<MedVqaServer> order = k % 2 == 0 ? servers : servers.reversed();
        for (MedVqaServer server : order) {
          int maxBatch = server.service().engine().config().maxBatch();
          run(server.baseUri(), key, images, n, warmup);
          String before = loadAverage();
          Result r = run(server.baseUri(), key, images, n, seconds);
          r = new Result(maxBatch, n, r.requests, r.errors, r.seconds, r.p50, r.p99, rssMb(), before + " / " + loadAverage(),
              r.breakdown);
          results.add(r);
          System.out.printf(Locale.ROOT, "  batching %-3s %2d clients: %7.2f req/s  n %4d  p50 %7.1f ms  p99 %7.1f ms  errors %d  RSS %d MB  load %s%n",
              maxBatch > 1 ? "on" : "off", n, r.throughput(), r.requests, r.p50, r.p99, r.errors, r.rssMb, r.load);
          System.out.println("      mean per request: " + r.breakdown);
        }
      }
    } finally {
      servers.forEach(MedVqaServer::close);
    }
    results.sort(java.util.Comparator.comparingInt((Result r) -> -r.maxBatch).thenComparingInt(Result::clients));
    System.out.println();
    System.out.println("| clients | batching | req/s | requests | p50 ms | p99 ms | errors | RSS MB | load avg (1 min) before / after | batching speed-up |");
    System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|");
    for (Result r : results) {
      Result peer = results.stream()
          .filter(o -> o.clients == r.clients && o.maxBatch != r.maxBatch).findFirst().orElse(r);
      String ratio = r.maxBatch > 1 ? String.format(Locale.ROOT, "%.2fx", r.throughput() / peer.throughput()) : "";
      System.out.printf(Locale.ROOT, "| %d | %s | %.2f | %d | %.1f | %.1f | %d | %d | %s | %s |%n", r.clients,
          r.maxBatch > 1 ? "on (max " + r.maxBatch + ")" : "off", r.throughput(), r.requests, r.p50, r.p99, r.errors,
          r.rssMb, r.load, ratio);
    }
  }

  static MedVqaServer start(Path model, int maxBatch, String key) throws Exception {
    Path data = Files.createTempDirectory("medvqa-bench-");
    ServerConfig c = new ServerConfig();
    c.port = 0;
    c.maxBatch = maxBatch;
    c.maxWaitMs = 5;
    c.queueCapacity = 1024;
    Path keys = data.resolve("keys");
    Files.writeString(keys, key + "\n");
    c.apiKeys = keys.toString();
    MedVqaServer server = MedVqaServer.start(c, RealComponents.create(null, 64), data, model);
    System.out.printf("model %s (%s) on %s, maxBatch %d, maxWait %d ms%n", server.activeModel().id(),
        server.activeModel().version(), server.activeModel().device(), maxBatch, c.maxWaitMs);
    return server;
  }

  static Result run(URI base, String key, List<byte[]> images, int clients, int seconds) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong errors = new AtomicLong();
    Breakdown breakdown = new Breakdown();
    CountDownLatch done = new CountDownLatch(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread.ofPlatform().daemon().start(() -> {
        int i = client;
        try {
          while (System.nanoTime() < end) {
            byte[] body = multipart(images.get(i++ % images.size()), "Is there a nodule in the left lung?");
            HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/ask"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=BOUNDARY")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(120))
                .build();
            long t0 = System.nanoTime();
            try { // a failed request is counted and the client goes on, as a viewer would retry
              HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 200) {
                long nanos = System.nanoTime() - t0;
                latencies.add(nanos);
                breakdown.add(JSON.readTree(r.body()).path("timings"), nanos);
              } else {
                errors.incrementAndGet();
              }
            } catch (java.io.IOException e) {
              errors.incrementAndGet();
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Result(0, clients, sorted.size(), errors.get(), elapsed, pct(sorted, 0.50), pct(sorted, 0.99), 0, "",
        breakdown);
  }

  static double pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  /** The 1-minute load average: the machine is shared, so every cell says how busy it was. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  static long rssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  static byte[] multipart(byte[] png, String question) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--BOUNDARY\r\nContent-Disposition: form-data; name=\"files\"; filename=\"i.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(png);
    out.writeBytes(("\r\n--BOUNDARY\r\nContent-Disposition: form-data; name=\"question\"\r\n\r\n" + question
        + "\r\n--BOUNDARY--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Distinct grey images: a bright disc of random place and size on a noisy background. */
  static List<byte[]> images(int count, int size) throws Exception {
    Random r = new Random(42);
    List<byte[]> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
      int cx = r.nextInt(size);
      int cy = r.nextInt(size);
      int rad = 5 + r.nextInt(size / 6);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int v = 40 + r.nextInt(30) + ((x - cx) * (x - cx) + (y - cy) * (y - cy) < rad * rad ? 150 : 0);
          img.getRaster().setSample(x, y, 0, Math.min(255, v));
        }
      }
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      ImageIO.write(img, "png", b);
      out.add(b.toByteArray());
    }
    return out;
  }
}
