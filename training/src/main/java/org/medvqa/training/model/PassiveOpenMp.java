package org.medvqa.training.model;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** Sets {@code OMP_WAIT_POLICY=PASSIVE} in the C environment before libgomp reads it (see {@link Devices}). */
final class PassiveOpenMp {
  private PassiveOpenMp() {}

  interface C extends Library {
    int setenv(String name, String value, int overwrite);
  }

  static void request() {
    if (System.getenv("OMP_WAIT_POLICY") != null) {
      return;
    }
    try {
      Native.load("c", C.class).setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      // not glibc: keep OpenMP's default; only speed depends on it
    }
  }
}
