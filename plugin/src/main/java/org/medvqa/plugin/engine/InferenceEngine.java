package org.medvqa.plugin.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.medvqa.plugin.model.Lease;
import org.medvqa.plugin.model.ModelRegistry;
import org.medvqa.plugin.model.Question;

/**
 * Dynamic batching in front of the active model.
 *
 * <p>Callers {@link #submit} questions into a bounded queue. One worker thread takes the first waiting
 * question, then keeps taking until it holds {@code maxBatch} or {@code maxWait} has passed since the
 * first, and answers them with one {@code generate} call under one {@link Lease} (so every question of a
 * batch sees the same model, and a model swap waits for the batch, never cuts it). Questions whose caller
 * has already given up (timeout) are dropped before they cost model time.
 */
public final class InferenceEngine implements AutoCloseable {
  private final ModelRegistry registry;
  private final EngineConfig config;
  private final BlockingQueue<Pending> queue;
  private final Thread worker;
  private final AtomicLong batchNanosEwma = new AtomicLong(50_000_000L);
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private volatile boolean running = true;

  public InferenceEngine(ModelRegistry registry, EngineConfig config) {
    this.registry = registry;
    this.config = config;
    this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    this.worker = Thread.ofPlatform().name("medvqa-inference").daemon().start(this::work);
  }

  public EngineConfig config() {
    return config;
  }

  /** Questions waiting for a batch. */
  public int queued() {
    return queue.size();
  }

  public long batchesRun() {
    return batches.get();
  }

  public long questionsAnswered() {
    return answered.get();
  }

  /**
   * Queues a question.
   *
   * @throws QueueFullException when {@code queueCapacity} questions are already waiting
   */
  public CompletableFuture<Answered> submit(Question question) {
    Pending p = new Pending(question, System.nanoTime());
    if (!running || !queue.offer(p)) {
      throw new QueueFullException(config.queueCapacity(), retryAfterSeconds());
    }
    return p.future;
  }

  /**
   * Queues a question and waits for its answer, at most the per-request timeout.
   *
   * @throws QueueFullException when the queue is full
   * @throws InferenceTimeoutException when no answer came in time
   */
  public Answered answer(Question question) {
    CompletableFuture<Answered> future = submit(question);
    try {
      return future.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new InferenceTimeoutException(config.requestTimeout());
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an answer", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Seconds until the queue has likely drained enough to take a new question. */
  long retryAfterSeconds() {
    double batchSeconds = batchNanosEwma.get() / 1e9;
    double seconds = Math.ceil((double) queue.size() / config.maxBatch()) * batchSeconds;
    return Math.max(1, (long) Math.ceil(seconds));
  }

  private void work() {
    List<Pending> batch = new ArrayList<>(config.maxBatch());
    while (running) {
      try {
        batch.clear();
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        long deadline = System.nanoTime() + config.maxWait().toNanos();
        while (batch.size() < config.maxBatch()) {
          long left = deadline - System.nanoTime();
          Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        batch.removeIf(p -> p.future.isDone());
        if (!batch.isEmpty()) {
          run(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException | Error e) {
        for (Pending p : batch) {
          p.future.completeExceptionally(e);
        }
      }
    }
    for (Pending p; (p = queue.poll()) != null; ) {
      p.future.completeExceptionally(new IllegalStateException("the inference engine has stopped"));
    }
  }

  private void run(List<Pending> batch) {
    long start = System.nanoTime();
    try (Lease lease = registry.acquire()) {
      List<Question> questions = batch.stream().map(p -> p.question).toList();
      List<String> completions = lease.answerer().generate(questions);
      if (completions.size() != questions.size()) {
        throw new IllegalStateException(
            "model returned " + completions.size() + " completions for " + questions.size() + " questions");
      }
      long end = System.nanoTime();
      batchNanosEwma.set((long) (0.8 * batchNanosEwma.get() + 0.2 * (end - start)));
      batches.incrementAndGet();
      answered.addAndGet(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        Pending p = batch.get(i);
        p.future.complete(
            new Answered(
                completions.get(i),
                lease.info(),
                (start - p.submitted) / 1_000_000,
                (end - start) / 1_000_000,
                batch.size()));
      }
    }
  }

  @Override
  public void close() {
    running = false;
    worker.interrupt();
    try {
      worker.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Pending {
    final Question question;
    final long submitted;
    final CompletableFuture<Answered> future = new CompletableFuture<>();

    Pending(Question question, long submitted) {
      this.question = question;
      this.submitted = submitted;
    }
  }
}
