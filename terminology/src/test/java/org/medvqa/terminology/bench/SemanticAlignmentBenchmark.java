package org.medvqa.terminology.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntToDoubleFunction;
import org.medvqa.terminology.DefaultIndex;
import org.medvqa.terminology.Terminology;
import org.medvqa.terminology.align.SemanticAlignment;

/**
 * Pairs scored per second by {@link SemanticAlignment} and by a plain Lucene BM25 term-overlap
 * peer ({@link Bm25OverlapScorer}) over the same short pairs (the committed labelled set, answers of
 * at most 12 words), at 1 and 2 threads, plus each one's agreement with the labels at 0.5.
 *
 * <pre>terminology/bench/run-benchmark.sh [seconds-per-measurement]</pre>
 */
public final class SemanticAlignmentBenchmark {
  record Pair(String question, String answer, String reference, int label) {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    List<Pair> all = load();
    List<Pair> pairs = all.stream().filter(p -> p.answer().strip().split("\\s+").length <= 12).toList();
    System.out.printf(Locale.ROOT, "pairs: %d (of %d labelled; answers of at most 12 words)%n", pairs.size(), all.size());
    System.out.printf(Locale.ROOT, "cores: %d, java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    long t0 = System.nanoTime();
    Path indexDir = DefaultIndex.ensureBuilt();
    long t1 = System.nanoTime();
    Terminology terminology = Terminology.open(indexDir);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "default index: ready in %.1f s (%s), opened in %.1f s%n", (t1 - t0) / 1e9, indexDir, (t2 - t1) / 1e9);
    SemanticAlignment alignment = terminology.alignment();
    try (Bm25OverlapScorer bm25 = new Bm25OverlapScorer(pairs.stream().map(Pair::reference).toList())) {
      IntToDoubleFunction semantic = i -> alignment.score(pairs.get(i).answer(), pairs.get(i).reference(), pairs.get(i).question()).score();
      IntToDoubleFunction peer = i -> bm25.score(i, pairs.get(i).answer());

      System.out.printf(Locale.ROOT, "%nagreement with labels at 0.5:%n");
      System.out.printf(Locale.ROOT, "  semantic alignment  %.3f%n", agreement(pairs, semantic));
      System.out.printf(Locale.ROOT, "  BM25 term overlap   %.3f%n", agreement(pairs, peer));

      System.out.printf(Locale.ROOT, "%nCPU cost, one thread (pairs per CPU-second; does not count time lost to other processes):%n");
      cpuRate(pairs.size(), semantic, seconds);
      cpuRate(pairs.size(), peer, seconds);
      double sc = cpuRate(pairs.size(), semantic, seconds);
      double bc = cpuRate(pairs.size(), peer, seconds);
      System.out.printf(Locale.ROOT, "  semantic %,.0f   BM25 %,.0f   ratio %.2f%n", sc, bc, sc / bc);
      System.out.printf(Locale.ROOT, "%nwall-clock throughput (%.0f s per measurement after %.0f s warm-up; load average %.1f at start):%n",
          seconds, seconds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      for (int threads : new int[] {1, 2}) {
        rate(pairs.size(), semantic, threads, seconds);
        rate(pairs.size(), peer, threads, seconds);
        double s = rate(pairs.size(), semantic, threads, seconds);
        double b = rate(pairs.size(), peer, threads, seconds);
        System.out.printf(Locale.ROOT, "  %d thread%s: semantic %,.0f pairs/s   BM25 %,.0f pairs/s   ratio %.2f%n",
            threads, threads == 1 ? " " : "s", s, b, s / b);
      }
    }
    terminology.close();
  }

  /** Pairs per CPU-second of the scoring thread, measured with the thread's own CPU clock. */
  static double cpuRate(int n, IntToDoubleFunction scorer, double seconds) {
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = bean.getCurrentThreadCpuTime();
    long wallEnd = System.nanoTime() + (long) (seconds * 1e9);
    long count = 0;
    double acc = 0;
    int i = 0;
    while (System.nanoTime() < wallEnd) {
      acc += scorer.applyAsDouble(i);
      i = i + 1 == n ? 0 : i + 1;
      count++;
    }
    long cpu = bean.getCurrentThreadCpuTime() - cpuStart;
    return acc < 0 ? 0 : count / (cpu / 1e9);
  }

  static double agreement(List<Pair> pairs, IntToDoubleFunction scorer) {
    int agree = 0;
    for (int i = 0; i < pairs.size(); i++) {
      int predicted = scorer.applyAsDouble(i) >= 0.5 ? 1 : 0;
      agree += predicted == pairs.get(i).label() ? 1 : 0;
    }
    return agree / (double) pairs.size();
  }

  /** Pairs per second with {@code threads} threads each cycling over all pairs from its own offset. */
  static double rate(int n, IntToDoubleFunction scorer, int threads, double seconds) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder done = new LongAdder();
    CountDownLatch started = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    double[] sink = new double[threads];
    for (int t = 0; t < threads; t++) {
      int offset = t * n / threads;
      int id = t;
      Thread w = new Thread(() -> {
        started.countDown();
        int i = offset;
        long local = 0;
        double acc = 0;
        while (!stop.get()) {
          acc += scorer.applyAsDouble(i);
          i = i + 1 == n ? 0 : i + 1;
          local++;
          if ((local & 63) == 0) {
            done.add(64);
          }
        }
        done.add(local & 63);
        sink[id] = acc;
      });
      workers.add(w);
      w.start();
    }
    started.await();
    long start = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return done.sum() / elapsed;
  }

  static List<Pair> load() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Pair> pairs = new ArrayList<>();
    try (var in = new BufferedReader(new InputStreamReader(
        SemanticAlignmentBenchmark.class.getResourceAsStream("/org/medvqa/terminology/labelled-pairs.jsonl"),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode n = json.readTree(line);
        pairs.add(new Pair(n.has("question") ? n.get("question").asText() : null, n.get("answer").asText(),
            n.get("reference").asText(), n.get("label").asInt()));
      }
    }
    return pairs;
  }

  private SemanticAlignmentBenchmark() {}
}
