package org.medvqa.dicom.pixelmed;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.medvqa.dicom.DicomFormatException;

/**
 * The last line of defence against a third-party decoder that loops on a hostile codestream (the
 * structural checks before it catch the known cases): the decode runs on a daemon thread and the
 * caller gets a {@link DicomFormatException} after {@code medvqa.dicom.decodeTimeoutSeconds}
 * (default 30) instead of waiting for ever. Java cannot stop such a thread; it is interrupted and,
 * being a daemon, never keeps the JVM alive.
 */
final class Watchdog {
  private static final long TIMEOUT_SECONDS = Long.getLong("medvqa.dicom.decodeTimeoutSeconds", 30);
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "medvqa-dicom-decode");
    t.setDaemon(true);
    return t;
  });

  private Watchdog() {}

  interface Decode<T> {
    T run() throws Exception;
  }

  static <T> T call(String name, Decode<T> decode) throws Exception {
    Callable<T> task = decode::run;
    Future<T> future = POOL.submit(task);
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new DicomFormatException(name + ": the decoder did not finish within " + TIMEOUT_SECONDS
          + " s (broken codestream?)");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof OutOfMemoryError oom) {
        throw new DicomFormatException(name + ": the decoder ran out of memory (broken codestream?)", oom);
      }
      throw (Error) cause;
    }
  }
}
