package org.medvqa.dicom.web;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medvqa.dicom.orthanc.OrthancServer;
import org.medvqa.dicom.orthanc.SyntheticStudy;

/**
 * WADO-RS retrieval throughput of {@link DicomWebClient} against {@code curl} fetching the same
 * multipart from the same Orthanc in the same run, and the client's memory for studies of different
 * sizes. Not a unit test: run {@code dicom-adapters/bench/wado-rs} (see BENCHMARK-PACS.md).
 *
 * <p>Both sides write the body to the same disk: curl one file, the client one file per instance. MB/s
 * is the multipart body size (as curl counts it) over the wall time (curl: its own {@code time_total},
 * so process start is not charged to it; client: the {@code retrieveInstances} call). Medians of
 * {@code -Drounds} alternating rounds (the ratio is the median of each round's client/curl pair, which cancels
 * some of the load drift of a shared machine). Memory: a fresh JVM with {@code -Xmx32m} retrieves the study once
 * and reports its peak heap use and peak RSS (VmHWM).
 */
public final class WadoRsBenchmark {

  /** Heap cap of the memory probe: far below the larger study, so only a streaming client can finish. */
  private static final int HEAP_MB = 32;
  private static final String ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {50, 200} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    int rounds = Integer.getInteger("rounds", 5);
    int image = Integer.getInteger("image", 512);
    Path work = Files.createTempDirectory("medvqa-wado-bench-");
    List<String> rows = new ArrayList<>();
    try (OrthancServer pacs = OrthancServer.start();
        DicomWebClient client = new DicomWebClient(DicomWebConfig.of(pacs.dicomWebUrl())
            .withAuth(HttpAuth.basic(pacs.user(), pacs.password())).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)))) {
      System.out.printf("Orthanc %s (pid %d); %d rounds per size; %dx%d 16-bit slices%n", pacs.restUrl(), pacs.pid(),
          rounds, image, image);
      for (int slices : sizes) {
        SyntheticStudy study = SyntheticStudy.write(work.resolve("in-" + slices), "BENCH-" + slices, slices, image, 42);
        long t0 = System.nanoTime();
        client.store(study.files());
        System.out.printf("[%d slices] stored by STOW-RS in %.1f s%n", slices, (System.nanoTime() - t0) / 1e9);
        String url = pacs.dicomWebUrl() + "/studies/" + study.studyInstanceUid();
        double[] curlRates = new double[rounds];
        double[] clientRates = new double[rounds];
        // One untimed warm-up of each side; it also tells the multipart body size both rates are counted over.
        long body = curlBody(url, pacs, work.resolve("curl.bin"));
        runClient(client, study, work.resolve("warm-up"), body);
        for (int r = 0; r < rounds; r++) {
          // Alternate who goes first, so neither side always meets the server's warmer caches.
          if (r % 2 == 0) {
            curlRates[r] = runCurl(url, pacs, work.resolve("curl.bin"));
            clientRates[r] = runClient(client, study, work.resolve("client-" + r), body);
          } else {
            clientRates[r] = runClient(client, study, work.resolve("client-" + r), body);
            curlRates[r] = runCurl(url, pacs, work.resolve("curl.bin"));
          }
          System.out.printf("[%d slices] round %d/%d: curl %.0f MB/s, client %.0f MB/s%n", slices, r + 1, rounds,
              curlRates[r], clientRates[r]);
        }
        String memory = probeMemory(pacs, study.studyInstanceUid(), work.resolve("probe-" + slices));
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratios[r] = clientRates[r] / curlRates[r];
        }
        rows.add(String.format("| %d | %.1f | %.0f | %.0f | %.2f | %s |", slices, body / 1e6, median(curlRates),
            median(clientRates), median(ratios), memory));
      }
    } finally {
      OrthancServer.deleteRecursivelyPublic(work);
    }
    System.out.println();
    System.out.println("| slices | multipart MB | curl MB/s (median) | client MB/s (median) | client/curl (median of paired rounds)"
        + " | client in a -Xmx" + HEAP_MB + "m JVM: peak heap MB, peak RSS MB |");
    System.out.println("|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  /** Curl's rate in MB/s over the body it fetched. */
  private static double runCurl(String url, OrthancServer pacs, Path out) throws IOException, InterruptedException {
    String[] curl = curl(url, pacs, out);
    Files.deleteIfExists(out);
    return Long.parseLong(curl[0]) / 1e6 / Double.parseDouble(curl[1]);
  }

  private static long curlBody(String url, OrthancServer pacs, Path out) throws IOException, InterruptedException {
    String[] curl = curl(url, pacs, out);
    Files.deleteIfExists(out);
    return Long.parseLong(curl[0]);
  }

  /** The client's rate in MB/s over {@code body} bytes (the multipart size as curl counts it). */
  private static double runClient(DicomWebClient client, SyntheticStudy study, Path out, long body) throws IOException {
    long start = System.nanoTime();
    List<Path> files = client.retrieveInstances("studies/" + study.studyInstanceUid(), out);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (files.size() != study.files().size()) {
      throw new IllegalStateException("retrieved " + files.size() + " of " + study.files().size());
    }
    for (Path f : files) {
      Files.delete(f);
    }
    Files.delete(out);
    return body / 1e6 / seconds;
  }

  private static String[] curl(String url, OrthancServer pacs, Path out) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("curl", "-sS", "--fail", "-o", out.toString(), "-w", "%{size_download} %{time_total}",
        "-u", pacs.user() + ":" + pacs.password(), "-H", "Accept: " + ACCEPT, url).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("curl failed: " + output);
    }
    return output.split(" ");
  }

  /** Retrieves once in a fresh JVM with a small heap cap; returns "peak heap, peak RSS" in MB. */
  private static String probeMemory(OrthancServer pacs, String study, Path out) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
        Probe.class.getName(), pacs.dicomWebUrl(), pacs.user(), pacs.password(), study, out.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("memory probe failed: " + output);
    }
    OrthancServer.deleteRecursivelyPublic(out);
    return output;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  /** The child JVM of {@link #probeMemory}. */
  public static final class Probe {
    public static void main(String[] args) throws IOException {
      try (DicomWebClient client = new DicomWebClient(DicomWebConfig.of(args[0])
          .withAuth(HttpAuth.basic(args[1], args[2])).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)))) {
        client.retrieveInstances("studies/" + args[3], Path.of(args[4]));
      }
      long heapPeak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          heapPeak += pool.getPeakUsage().getUsed();
        }
      }
      long hwmKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmHWM:")).map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
      System.out.printf("%.0f, %.0f%n", heapPeak / 1e6, hwmKb / 1e3);
    }
  }
}
