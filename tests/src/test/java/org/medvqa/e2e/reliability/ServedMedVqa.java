package org.medvqa.e2e.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code medvqa serve --config F} in a child JVM on a free loopback port, with an API key file, its
 * own folders (models, datasets, audit log, scratch) and its own {@code java.io.tmpdir}, so a test can
 * list everything the server may write and grep everything it printed.
 *
 * <pre>
 * root/
 *   api-keys  server.json  server.out  server.err
 *   models/   datasets/  data/ (scratch)  audit.jsonl  tmp/ (java.io.tmpdir)
 * </pre>
 */
final class ServedMedVqa implements AutoCloseable {
  static final String KEY = "reliability-key-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern URL = Pattern.compile("medvqa: open (https?://\\S+?/)\\s");

  final Path root;
  final Process process;
  final URI base;

  private ServedMedVqa(Path root, Process process, URI base) {
    this.root = root;
    this.process = process;
    this.base = base;
  }

  /** What to start: the config beyond the defaults, the heap, and extra JVM options. */
  static final class Options {
    final ObjectNode config = JSON.createObjectNode();
    String heap = "512m";
    final List<String> jvm = new ArrayList<>();

    Options set(String field, Object value) {
      config.set(field, JSON.valueToTree(value));
      return this;
    }

    Options heap(String value) {
      heap = value;
      return this;
    }
  }

  /** Starts a server over {@code root} serving {@code model} (registered as the model directory's name). */
  static ServedMedVqa start(Path root, Path model, Options options) throws Exception {
    Files.createDirectories(root.resolve("models"));
    Files.createDirectories(root.resolve("datasets"));
    Files.createDirectories(root.resolve("data"));
    Files.createDirectories(root.resolve("tmp"));
    Files.writeString(root.resolve("api-keys"), "# reliability tests\n" + KEY + "\n");
    ObjectNode c = options.config.deepCopy();
    c.put("port", 0);
    c.put("host", "127.0.0.1");
    c.put("model", model.toString());
    c.put("modelsDir", root.resolve("models").toString());
    c.put("datasetsDir", root.resolve("datasets").toString());
    c.put("apiKeys", root.resolve("api-keys").toString());
    c.put("auditLog", root.resolve("audit.jsonl").toString());
    Path config = root.resolve("server.json");
    Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c));
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.heap, "-Djava.io.tmpdir=" + root.resolve("tmp"),
        "-Djava.library.path=/usr/lib/x86_64-linux-gnu/jni"));
    jvm.addAll(options.jvm);
    Process p = ChildCli.start(root.resolve("server"), jvm,
        "serve", "--config", config.toString(), "--data-dir", root.resolve("data").toString());
    // A test JVM stopped mid-test (Ctrl-C, surefire's timeout) must not leave a server running.
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      Matcher m = URL.matcher(ChildCli.read(root.resolve("server"), ".out"));
      if (m.find()) {
        return new ServedMedVqa(root, p, URI.create(m.group(1)));
      }
      if (!p.isAlive()) {
        throw new IOException("medvqa serve exited with " + p.exitValue() + ": " + output(root));
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new IOException("medvqa serve did not start in time: " + output(root));
  }

  int port() {
    return base.getPort();
  }

  /** Everything the server printed (stdout and stderr). */
  String output() throws IOException {
    return output(root);
  }

  private static String output(Path root) throws IOException {
    return ChildCli.read(root.resolve("server"), ".out") + ChildCli.read(root.resolve("server"), ".err");
  }

  String audit() throws IOException {
    Path f = root.resolve("audit.jsonl");
    return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
  }

  /** The server's resident set size in KiB, from /proc. */
  long rssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IOException("no VmRSS for " + process.pid());
  }

  /** Files (not folders) under {@code dir}, relative, sorted; empty when it does not exist. */
  static List<String> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
