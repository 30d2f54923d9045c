package org.medvqa.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IntraOpThreadsTest {

  @Test
  void limitsOnlyTheCallingThreadAndRestoresIt() throws InterruptedException {
    Devices.configureThreads();
    int configured = IntraOpThreads.current();
    assumeTrue(configured > 1, "one intra-op thread configured: nothing to limit");
    AtomicInteger otherThread = new AtomicInteger();
    try (IntraOpThreads scope = IntraOpThreads.atMost(1)) {
      assertThat(IntraOpThreads.current()).isEqualTo(1);
      assertThat(JniUtils.getNumThreads()).isEqualTo(1); // what at::parallel_for reads
      Thread other = new Thread(() -> otherThread.set(JniUtils.getNumThreads()));
      other.start(); // a thread first using libtorch now still takes the configured count
      other.join();
    }
    assertThat(otherThread.get()).isEqualTo(configured);
    assertThat(IntraOpThreads.current()).isEqualTo(configured);
    try (IntraOpThreads wider = IntraOpThreads.atMost(configured + 4)) {
      assertThat(IntraOpThreads.current()).isEqualTo(configured); // a limit, never a raise
    }
  }
}
