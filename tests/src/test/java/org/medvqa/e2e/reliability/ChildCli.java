package org.medvqa.e2e.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The medvqa command line in a child JVM (the test's own classpath, {@code org.medvqa.plugin.cli.Main}),
 * so it can be killed with SIGKILL like a real process. Output goes to files next to the run.
 */
final class ChildCli {
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private ChildCli() {}

  /** A finished child: exit code and what it printed. */
  record Result(int exitCode, String stdout, String stderr) {}

  /** Starts {@code medvqa args...}; stdout and stderr go to {@code logPrefix.out} / {@code .err}. */
  static Process start(Path logPrefix, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.add("-Xmx1g");
    command.add("-Djava.awt.headless=true");
    command.add("-Dai.djl.offline=true");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.medvqa.plugin.cli.Main");
    command.addAll(List.of(args));
    Files.createDirectories(logPrefix.toAbsolutePath().getParent());
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(logPrefix.resolveSibling(logPrefix.getFileName() + ".out").toFile())
        .redirectError(logPrefix.resolveSibling(logPrefix.getFileName() + ".err").toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    return pb.start();
  }

  static Process start(Path logPrefix, String... args) throws IOException {
    return start(logPrefix, List.of(), args);
  }

  /** Runs to the end (at most {@code timeoutSeconds}) and returns what happened. */
  static Result run(Path logPrefix, long timeoutSeconds, String... args) throws IOException, InterruptedException {
    Process p = start(logPrefix, args);
    return await(p, logPrefix, timeoutSeconds);
  }

  static Result await(Process p, Path logPrefix, long timeoutSeconds) throws IOException, InterruptedException {
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("medvqa did not finish in " + timeoutSeconds + " s: " + read(logPrefix, ".err"));
    }
    return new Result(p.exitValue(), read(logPrefix, ".out"), read(logPrefix, ".err"));
  }

  /** SIGKILL: no shutdown hooks, no finally blocks, buffers as they are. */
  static void kill9(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor();
  }

  static String read(Path logPrefix, String suffix) throws IOException {
    Path f = logPrefix.resolveSibling(logPrefix.getFileName() + suffix);
    return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
  }
}
