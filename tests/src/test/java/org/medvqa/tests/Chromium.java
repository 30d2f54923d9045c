package org.medvqa.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol on a WebSocket:
 * navigate, evaluate JavaScript, set files on an input, take screenshots. A fresh profile per instance.
 */
public final class Chromium implements AutoCloseable {
  public static final String BINARY = System.getProperty("medvqa.chromium", "/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private Chromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  public static boolean available() {
    return Files.isExecutable(Path.of(BINARY));
  }

  public static Chromium launch(int width, int height) throws Exception {
    Path profile = Files.createTempDirectory("medvqa-chromium-");
    Process p = new ProcessBuilder(
            BINARY, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0",
            "--window-size=" + width + "," + height, "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    HttpClient http = HttpClient.newHttpClient();
    String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String ws = null;
    for (JsonNode t : JSON.readTree(targets)) {
      if ("page".equals(t.path("type").asText())) {
        ws = t.get("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (ws == null) {
      p.destroyForcibly();
      throw new IOException("chromium has no page target: " + targets);
    }
    Chromium[] self = new Chromium[1];
    StringBuilder buffer = new StringBuilder();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        buffer.append(data);
        if (last) {
          String message = buffer.toString();
          buffer.setLength(0);
          self[0].receive(message);
        }
        webSocket.request(1);
        return null;
      }
    }).get(10, TimeUnit.SECONDS);
    self[0] = new Chromium(p, profile, socket);
    self[0].call("Page.enable", JSON.createObjectNode());
    self[0].call("Runtime.enable", JSON.createObjectNode());
    return self[0];
  }

  private void receive(String message) {
    try {
      JsonNode m = JSON.readTree(message);
      if (m.has("id")) {
        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
        if (f != null) {
          if (m.has("error")) {
            f.completeExceptionally(new IOException("CDP error: " + m.get("error")));
          } else {
            f.complete(m.get("result"));
          }
        }
      }
    } catch (IOException e) {
      // not JSON: ignore
    }
  }

  /** Sends one DevTools command and waits for its result. */
  public JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params);
    socket.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
    return f.get(60, TimeUnit.SECONDS);
  }

  public void navigate(String url) throws Exception {
    call("Page.navigate", JSON.createObjectNode().put("url", url));
  }

  /** Evaluates an expression (promises awaited) and returns its value as JSON. */
  public JsonNode eval(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate",
        JSON.createObjectNode().put("expression", expression).put("awaitPromise", true).put("returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IOException("JavaScript failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /**
   * Polls until the JavaScript condition is true. A condition that throws counts as not yet true:
   * right after {@link #navigate} the old document (about:blank) may still be the one evaluated.
   */
  public void waitFor(String condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      IOException last = null;
      try {
        if (eval("Boolean(" + condition + ")").asBoolean()) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + condition + (last == null ? "" : " (" + last.getMessage() + ")"));
      }
      Thread.sleep(100);
    }
  }

  public static void until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /** Puts files on an {@code <input type=file>} as if the user had chosen them. */
  public void setFiles(String selector, Path... files) throws Exception {
    JsonNode doc = call("DOM.getDocument", JSON.createObjectNode());
    int root = doc.at("/root/nodeId").asInt();
    int node = call("DOM.querySelector", JSON.createObjectNode().put("nodeId", root).put("selector", selector))
        .get("nodeId").asInt();
    ObjectNode params = JSON.createObjectNode().put("nodeId", node);
    var array = params.putArray("files");
    for (Path f : files) {
      array.add(f.toAbsolutePath().toString());
    }
    call("DOM.setFileInputFiles", params); // fires the input's change event
  }

  public void screenshot(Path png) throws Exception {
    JsonNode r = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(r.get("data").asText()));
  }

  @Override
  public void close() {
    try {
      socket.abort();
    } catch (RuntimeException ignored) {
      // closing anyway
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> walk = Files.walk(profile)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp folder
    }
  }
}
