package org.medvqa.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MixedLoad} against a real {@code medvqa serve} (512 MiB heap, inference queue of 16, so that
 * 50 clients do fill it): no 5xx, nothing unexpected, every 429 with Retry-After, the server healthy
 * afterwards. In the suite it runs 5 seconds; {@code tests/reliability/load [SECONDS] [CLIENTS]} runs
 * the long version ({@code -Dreliability.load.seconds}, {@code -Dreliability.load.clients}), which also
 * requires memory to stay flat: the heap left after GC in the last third of the run at most 1.5x (+16 MiB)
 * of that in the first third, and the resident set no more than 128 MiB above its first sample.
 */
class MixedLoadTest {
  @TempDir static Path dir;

  @Test
  void fiftyClientsMixingGoodAndBadRequests() throws Exception {
    int seconds = Integer.getInteger("reliability.load.seconds", 5);
    int clients = Integer.getInteger("reliability.load.clients", 50);
    long seed = Long.getLong("reliability.seed", 42);
    Path model = TrainingFixtures.tinyModel(dir.resolve("model"), 11);
    Path gcLog = dir.resolve("server/gc.log");
    Path studies = java.nio.file.Files.createDirectories(dir.resolve("server/studies"));
    java.nio.file.Files.copy(org.medvqa.dicom.Corpora.pydicom("CT_small.dcm"), studies.resolve("ct.dcm"));
    ServedMedVqa.Options o = new ServedMedVqa.Options().heap("512m").set("queueCapacity", 16).set("maxBatch", 8)
        .set("studySource", java.util.Map.of("type", "folder", "folder", studies.toString()));
    o.jvm.add("-Xlog:gc:file=" + gcLog);
    try (ServedMedVqa server = ServedMedVqa.start(dir.resolve("server"), model, o)) {
      MixedLoad.run(server, gcLog, 4, 2, seed); // warm-up
      MixedLoad.Result r = MixedLoad.run(server, gcLog, clients, seconds, seed);
      System.out.print(r.report());
      assertThat(r.serverErrors()).as(r.report()).isZero();
      assertThat(r.unexpected()).as(r.report() + r.unexpectedSamples()).isZero();
      assertThat(r.retryAfterMissing()).isZero();
      assertThat(r.count(200)).as(r.report()).isPositive();
      assertThat(RawHttp.get(server.port(), "/api/v1/health", java.util.Map.of()).status()).isEqualTo(200);
      assertThat(server.output()).doesNotContain("OutOfMemoryError").doesNotContain("SEVERE");
      if (seconds >= 30) {
        double[] heap = r.heapThirds();
        assertThat(heap[1]).as("heap after GC, last third vs first: " + r.report()).isLessThanOrEqualTo(1.5 * heap[0] + 16);
        long first = r.rssKib().get(0)[1];
        long last = r.rssKib().get(r.rssKib().size() - 1)[1];
        assertThat(last - first).as("RSS growth (KiB): " + r.report()).isLessThan(128L << 10);
      }
    }
  }
}
