package org.medvqa.training.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Device choice at run time: the GPU when DJL sees one, else the CPU, where PyTorch gets two intra-op
 * threads by default ({@code medvqa.threads} overrides) because more threads than cores only adds
 * contention on this 2-core machine.
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
