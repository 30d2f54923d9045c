package org.medvqa.dicom.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body that makes no progress for longer than the read timeout. {@code HttpClient}'s
 * request timeout stops at the response headers; a server that sends headers and then stalls would
 * otherwise block a reader forever. Closing the JDK's response stream wakes a blocked {@code read}, which
 * then fails; {@link #timedOut()} tells that failure apart from a dropped connection.
 */
final class IdleTimeoutInputStream extends FilterInputStream {

  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "dicomweb-idle-watchdog");
    t.setDaemon(true);
    return t;
  });

  private final long timeoutNanos;
  private final ScheduledFuture<?> check;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean timedOut;

  IdleTimeoutInputStream(InputStream in, Duration timeout) {
    super(in);
    this.timeoutNanos = timeout.toNanos();
    long period = Math.max(20, timeout.toMillis() / 4);
    this.check = WATCHDOG.scheduleAtFixedRate(this::closeIfIdle, period, period, TimeUnit.MILLISECONDS);
  }

  boolean timedOut() {
    return timedOut;
  }

  private void closeIfIdle() {
    if (System.nanoTime() - lastProgress > timeoutNanos) {
      timedOut = true;
      check.cancel(false);
      try {
        in.close();
      } catch (IOException ignored) {
        // the reader sees the failure; nothing to add here
      }
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    lastProgress = System.nanoTime();
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    lastProgress = System.nanoTime();
    return n;
  }

  @Override
  public void close() throws IOException {
    check.cancel(false);
    super.close();
  }
}
