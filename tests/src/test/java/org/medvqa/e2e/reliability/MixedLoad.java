package org.medvqa.e2e.reliability;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * N clients on loopback for a fixed time, each sending back to back a random mix of good and bad
 * requests to {@code /api/v1/ask} and {@code /api/v1/score}, while the server's resident set size is
 * sampled every second and its heap after each GC is read from its GC log.
 *
 * <p>The mix (per request): 30% an uploaded PNG question, 35% a score, 10% a malformed score body,
 * 10% a broken upload (truncated DICOM or no question), 5% no API key, 5% 20k-deep JSON, 5% a
 * question by reference about a study that is not there or a UID that is not one. Expected answers: 200, 400, 401, 404, and 429 (with Retry-After) when the
 * inference queue is full; anything else is counted as unexpected.
 */
final class MixedLoad {
  private static final Pattern HEAP_AFTER_GC = Pattern.compile("\\[([0-9.]+)s\\].*Pause.*->(\\d+)M\\(");

  private MixedLoad() {}

  /** What happened: answers by kind and status, latencies, memory over time. */
  record Result(
      int clients, double seconds, long requests, Map<String, Map<Integer, Long>> byKind, long unexpected,
      List<String> unexpectedSamples, long retryAfterMissing, double p50Ms, double p99Ms,
      List<long[]> rssKib, List<double[]> heapAfterGc) {

    long count(int status) {
      return byKind.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
    }

    long serverErrors() {
      return byKind.values().stream().flatMap(m -> m.entrySet().stream()).filter(e -> e.getKey() >= 500)
          .mapToLong(Map.Entry::getValue).sum();
    }

    /** Heap after GC (MiB): the largest in the first and in the last third of the run. */
    double[] heapThirds() {
      double first = 0;
      double last = 0;
      for (double[] h : heapAfterGc) {
        if (h[0] < seconds / 3) {
          first = Math.max(first, h[1]);
        } else if (h[0] > 2 * seconds / 3) {
          last = Math.max(last, h[1]);
        }
      }
      return new double[] {first, last};
    }

    String report() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "mixed load: %d clients, %.1f s, %d requests (%.1f/s), p50 %.1f ms, p99 %.1f ms%n",
          clients, seconds, requests, requests / seconds, p50Ms, p99Ms));
      byKind.forEach((k, v) -> b.append(String.format("  %-14s %s%n", k, v)));
      b.append(String.format("  5xx: %d, unexpected: %d, 429 without Retry-After: %d%n", serverErrors(), unexpected,
          retryAfterMissing));
      if (!rssKib.isEmpty()) {
        long min = rssKib.stream().mapToLong(r -> r[1]).min().orElse(0);
        long max = rssKib.stream().mapToLong(r -> r[1]).max().orElse(0);
        b.append(String.format("  server RSS MiB: first %d, last %d, min %d, max %d (%d samples)%n",
            rssKib.get(0)[1] >> 10, rssKib.get(rssKib.size() - 1)[1] >> 10, min >> 10, max >> 10, rssKib.size()));
      }
      double[] t = heapThirds();
      b.append(String.format(Locale.ROOT, "  heap after GC MiB: max in first third %.0f, in last third %.0f (%d GCs)%n",
          t[0], t[1], heapAfterGc.size()));
      return b.toString();
    }
  }

  static Result run(ServedMedVqa server, Path gcLog, int clients, int seconds, long seed) throws Exception {
    List<byte[]> images = pngs(16, 96, seed);
    byte[] dicom = Files.readAllBytes(org.medvqa.dicom.Corpora.pydicom("CT_small.dcm"));
    Map<String, Map<Integer, AtomicLong>> byKind = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    AtomicLong unexpectedCount = new AtomicLong();
    AtomicLong noRetryAfter = new AtomicLong();
    List<long[]> rss = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    Thread sampler = Thread.ofPlatform().daemon().start(() -> {
      while (System.nanoTime() < end) {
        try {
          rss.add(new long[] {(System.nanoTime() - start) / 1_000_000, server.rssKib()});
          Thread.sleep(1_000);
        } catch (Exception e) {
          return;
        }
      }
    });
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Random r = new Random(seed * 1_000 + c);
      threads.add(Thread.ofPlatform().start(() -> {
        while (System.nanoTime() < end) {
          Request q = next(r, images, dicom);
          long t0 = System.nanoTime();
          try {
            RawHttp.Response a = RawHttp.send(server.port(), "POST", q.target, q.headers, q.body);
            latencies.add(System.nanoTime() - t0);
            byKind.computeIfAbsent(q.kind, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(a.status(), k -> new AtomicLong()).incrementAndGet();
            if (a.status() == 429 && !a.headers().containsKey("retry-after")) {
              noRetryAfter.incrementAndGet();
            }
            if (!q.expected.contains(a.status()) && a.status() != 429 || a.status() != 200 && !a.isProblem()) {
              unexpectedCount.incrementAndGet();
              if (unexpected.size() < 10) {
                unexpected.add(q.kind + ": " + a);
              }
            }
          } catch (IOException e) {
            unexpectedCount.incrementAndGet();
            if (unexpected.size() < 10) {
              unexpected.add(q.kind + ": " + e);
            }
          }
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    sampler.join(2_000);
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Map<String, Map<Integer, Long>> counts = new TreeMap<>();
    byKind.forEach((k, v) -> {
      Map<Integer, Long> m = new TreeMap<>();
      v.forEach((s, n) -> m.put(s, n.get()));
      counts.put(k, m);
    });
    return new Result(clients, elapsed, sorted.size(), counts, unexpectedCount.get(), unexpected, noRetryAfter.get(),
        pct(sorted, 0.5), pct(sorted, 0.99), new ArrayList<>(rss), heapAfterGc(gcLog, start));
  }

  private record Request(String kind, String target, Map<String, String> headers, byte[] body, List<Integer> expected) {}

  private static Request next(Random r, List<byte[]> images, byte[] dicom) {
    Map<String, String> json = Map.of("Authorization", "Bearer " + ServedMedVqa.KEY, "Content-Type", "application/json");
    Map<String, String> form = Map.of("Authorization", "Bearer " + ServedMedVqa.KEY, "Content-Type", png());
    int p = r.nextInt(100);
    if (p < 30) {
      return new Request("ask good", "/api/v1/ask", form, pngForm(images.get(r.nextInt(images.size())), "Is there a nodule?"),
          List.of(200));
    } else if (p < 65) {
      String body = "{\"answer\":\"<think>round opacity</think><answer>" + (r.nextBoolean() ? "left lung nodule" : "no")
          + "</answer>\",\"reference\":\"nodule in the left lung\",\"question\":\"Is there a nodule?\"}";
      return new Request("score good", "/api/v1/score", json, body.getBytes(StandardCharsets.UTF_8), List.of(200));
    } else if (p < 75) {
      String[] bad = {"{\"answer\":", "{\"answer\":\"yes\"}", "[1,2,3]", "{\"answer\":7,\"reference\":{}}", "\u0000\u0001"};
      return new Request("score bad", "/api/v1/score", json, bad[r.nextInt(bad.length)].getBytes(StandardCharsets.UTF_8),
          List.of(400));
    } else if (p < 85) {
      byte[] body = r.nextBoolean()
          ? HostileFiles.form("Is there a nodule?", "x.dcm", java.util.Arrays.copyOf(dicom, 700))
          : HostileFiles.form(null, "x.dcm", dicom);
      return new Request("ask bad", "/api/v1/ask", Map.of("Authorization", "Bearer " + ServedMedVqa.KEY,
          "Content-Type", HostileFiles.FORM), body, List.of(400));
    } else if (p < 90) {
      return new Request("no key", r.nextBoolean() ? "/api/v1/ask" : "/api/v1/score", Map.of("Content-Type", "application/json"),
          "{\"answer\":\"a\",\"reference\":\"b\"}".getBytes(StandardCharsets.UTF_8), List.of(401));
    } else if (p < 95) {
      return new Request("deep json", "/api/v1/score", json, "[".repeat(20_000).getBytes(StandardCharsets.US_ASCII),
          List.of(400));
    } else {
      String uid = r.nextBoolean() ? "1.2.3.999" : "../1.2.3";
      return new Request("ask json bad", "/api/v1/ask", json,
          ("{\"studyInstanceUID\":\"" + uid + "\",\"question\":\"?\"}").getBytes(StandardCharsets.UTF_8),
          List.of(400, 404));
    }
  }

  private static String png() {
    return "multipart/form-data; boundary=" + HostileFiles.BOUNDARY;
  }

  private static byte[] pngForm(byte[] image, String question) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String b = HostileFiles.BOUNDARY;
    out.writeBytes(("--" + b + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"i.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(image);
    out.writeBytes(("\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"question\"\r\n\r\n" + question + "\r\n--"
        + b + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static List<byte[]> pngs(int n, int size, long seed) throws IOException {
    Random r = new Random(seed);
    List<byte[]> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          img.getRaster().setSample(x, y, 0, r.nextInt(256));
        }
      }
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      ImageIO.write(img, "png", b);
      out.add(b.toByteArray());
    }
    return out;
  }

  /** (seconds since {@code start}, MiB) for each GC pause in the server's {@code -Xlog:gc} file. */
  private static List<double[]> heapAfterGc(Path gcLog, long start) throws IOException {
    List<double[]> out = new ArrayList<>();
    if (!Files.exists(gcLog)) {
      return out;
    }
    List<double[]> all = new ArrayList<>();
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = HEAP_AFTER_GC.matcher(line);
      if (m.find()) {
        all.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
      }
    }
    if (all.isEmpty()) {
      return out;
    }
    // Server uptime at the load's start: the GC log's clock is the server JVM's.
    double uptimeAtStart = all.get(all.size() - 1)[0] - (System.nanoTime() - start) / 1e9;
    for (double[] a : all) {
      if (a[0] >= uptimeAtStart) {
        out.add(new double[] {a[0] - uptimeAtStart, a[1]});
      }
    }
    return out;
  }

  private static double pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)) / 1e6;
  }
}
