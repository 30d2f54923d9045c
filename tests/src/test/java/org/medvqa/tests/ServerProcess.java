package org.medvqa.tests;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code medvqa serve} (or any medvqa command) in a child JVM with the test class path, its stdout and
 * stderr in one log file, so tests see exactly what an operator would (and can grep it for PHI).
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("medvqa: open (https?://\\S+?/)(#key=(\\S+))?\\s");

  final Process process;
  final Path log;
  URI base;
  String generatedKey;

  private ServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static ProcessBuilder medvqa(Path log, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-Djava.library.path=/usr/lib/x86_64-linux-gnu/jni");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.medvqa.plugin.cli.Main");
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
  }

  /** Starts {@code medvqa serve ARGS} and waits for its "open URL" line. */
  static ServerProcess serve(Path log, String... args) throws Exception {
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    ServerProcess p = new ServerProcess(medvqa(log, all).start(), log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log) : "";
      Matcher m = URL.matcher(text);
      if (m.find()) {
        p.base = URI.create(m.group(1));
        p.generatedKey = m.group(3);
        return p;
      }
      if (!p.process.isAlive()) {
        throw new IOException("medvqa serve exited with " + p.process.exitValue() + ":\n" + text);
      }
      Thread.sleep(200);
    }
    p.close();
    throw new IOException("medvqa serve did not start in time:\n" + Files.readString(log));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
