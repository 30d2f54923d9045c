package org.medvqa.training.model;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calling thread's intra-op thread count for a scope, restored on close.
 *
 * <p>Why: a decoding step is ~80 operations of a few microseconds of arithmetic each, and with two
 * threads every one of them that libtorch or MKL parallelises pays for waking the second (passive)
 * OpenMP thread: measured on the 2-core machine, a batch-1 linear layer took 23 us on two threads and
 * 8 us on one, a softmax 17 us against 2 us, and a whole batch-1 decoding step 1.5 ms against 1.2 ms
 * (training/RESULTS.md, session 5). Image encoding and training keep all threads.
 *
 * <p>How: {@code at::set_num_threads} would also change the default that threads not yet started take,
 * so a training job starting beside a generation could keep one thread for good. Instead this sets the
 * two per-thread settings that libtorch and MKL read: OpenMP's {@code omp_set_num_threads} (the
 * {@code nthreads-var} of the calling thread, read by {@code at::parallel_for}) and MKL's
 * {@code mkl_set_num_threads_local}. Where either library cannot be found (another engine build), the
 * scope does nothing: only speed depends on it.
 */
final class IntraOpThreads implements AutoCloseable {
  private static final Native NATIVE = Native.find();

  private final int previousOpenMp;
  private final int previousMkl;
  private final boolean changed;

  private IntraOpThreads(int previousOpenMp, int previousMkl, boolean changed) {
    this.previousOpenMp = previousOpenMp;
    this.previousMkl = previousMkl;
    this.changed = changed;
  }

  /** At most {@code threads} intra-op threads on this thread until {@link #close()}. */
  static IntraOpThreads atMost(int threads) {
    if (NATIVE == null) {
      return new IntraOpThreads(0, 0, false);
    }
    int current = current();
    if (current <= threads) {
      return new IntraOpThreads(current, 0, false);
    }
    NATIVE.ompSetNumThreads.invokeVoid(new Object[] {threads});
    int previousMkl = NATIVE.mklSetNumThreadsLocal == null ? 0
        : NATIVE.mklSetNumThreadsLocal.invokeInt(new Object[] {threads});
    return new IntraOpThreads(current, previousMkl, true);
  }

  /** This thread's OpenMP thread count (what {@code at::parallel_for} will use), or -1 when unknown. */
  static int current() {
    return NATIVE == null ? -1 : NATIVE.ompGetMaxThreads.invokeInt(new Object[0]);
  }

  @Override
  public void close() {
    if (changed) {
      NATIVE.ompSetNumThreads.invokeVoid(new Object[] {previousOpenMp});
      if (NATIVE.mklSetNumThreadsLocal != null) {
        NATIVE.mklSetNumThreadsLocal.invokeInt(new Object[] {previousMkl}); // 0 = MKL's process-wide setting
      }
    }
  }

  /** The already loaded OpenMP runtime and MKL of DJL's libtorch. */
  private record Native(Function ompSetNumThreads, Function ompGetMaxThreads, Function mklSetNumThreadsLocal) {
    static Native find() {
      try {
        Devices.configureThreads(); // loads libtorch first
        Path dir = Path.of(LibUtils.getLibtorchPath());
        Path gomp = firstMatch(dir, "libgomp*.so*");
        if (gomp == null) {
          return null;
        }
        NativeLibrary openMp = NativeLibrary.getInstance(gomp.toString());
        Function mkl = null;
        Path torchCpu = dir.resolve("libtorch_cpu.so");
        if (Files.exists(torchCpu)) {
          try {
            // MKL's C entry; the lower-case symbol is the Fortran one, which takes an int*
            mkl = NativeLibrary.getInstance(torchCpu.toString()).getFunction("MKL_Set_Num_Threads_Local");
          } catch (UnsatisfiedLinkError e) {
            // a libtorch built without MKL: OpenMP alone decides
          }
        }
        return new Native(openMp.getFunction("omp_set_num_threads"), openMp.getFunction("omp_get_max_threads"), mkl);
      } catch (RuntimeException | UnsatisfiedLinkError | IOException e) {
        return null;
      }
    }

    private static Path firstMatch(Path dir, String glob) throws IOException {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
        for (Path f : files) {
          return f;
        }
      }
      return null;
    }
  }
}
