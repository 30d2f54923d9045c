package org.medvqa.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code medvqa demo --once} in its own JVM: sample studies generated into the cache, the server
 * started on loopback, the URL and one sample question with the model's answer printed, exit 0;
 * a second run reuses the cached studies byte for byte.
 */
class DemoTest {
  @TempDir Path work;

  @Test
  void demoAnswersASampleQuestionAndPrintsTheUrl() throws Exception {
    Path model = TinyModel.write(work.resolve("model"), 7);
    Path cache = work.resolve("cache");
    String out = runDemo(model, cache, work.resolve("demo1.log"));
    assertThat(out).containsPattern("medvqa: open http://127\\.0\\.0\\.1:\\d+/#key=[0-9a-f]{32}");
    assertThat(out).contains("question:", "model answer:", "reference:");
    Path images;
    try (var dirs = Files.list(cache.resolve("studies"))) {
      images = dirs.findFirst().orElseThrow().resolve("images");
    }
    long dicoms;
    try (var files = Files.list(images)) {
      dicoms = files.filter(f -> f.toString().endsWith(".dcm")).count();
    }
    assertThat(dicoms).isGreaterThanOrEqualTo(4);
    long before = Files.getLastModifiedTime(images).toMillis();
    String again = runDemo(model, cache, work.resolve("demo2.log"));
    assertThat(again).contains("model answer:");
    assertThat(Files.getLastModifiedTime(images).toMillis()).isEqualTo(before);
  }

  private static String runDemo(Path model, Path cache, Path log) throws Exception {
    Process p = ServerProcess.medvqa(log, "demo", "--once", "--port", "0", "--model", model.toString(),
        "--cache", cache.toString()).start();
    assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("demo finished").isTrue();
    String out = Files.readString(log);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
