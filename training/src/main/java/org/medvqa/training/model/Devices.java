package org.medvqa.training.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Device choice at run time: the GPU when DJL sees one, else the CPU, where PyTorch gets two intra-op
 * threads by default ({@code medvqa.threads} overrides).
 *
 * <p>Before the engine loads, {@code OMP_WAIT_POLICY=PASSIVE} is put into the process environment
 * (unless already set): OpenMP's default busy-waiting makes every op wait for a descheduled spinning
 * thread when other processes share the cores. Measured on this 2-core machine under load from
 * parallel builds, a tiny-model SFT step took 1300 ms with spinning threads, 59 ms with one thread,
 * 36 ms with two passive threads.
 */
public final class Devices {
  private static volatile boolean configured;

  private Devices() {}

  public static Device preferred() {
    configureThreads();
    String forced = System.getProperty("medvqa.device");
    if (forced != null) {
      return Device.fromName(forced);
    }
    return Engine.getEngine("PyTorch").getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }

  static void configureThreads() {
    if (configured) {
      return;
    }
    synchronized (Devices.class) {
      if (!configured) {
        PassiveOpenMp.request();
        int threads = Integer.getInteger("medvqa.threads", Math.min(2, Runtime.getRuntime().availableProcessors()));
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Engine.getEngine("PyTorch");
        ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        configured = true;
      }
    }
  }
}
