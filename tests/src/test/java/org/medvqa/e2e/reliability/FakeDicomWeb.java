package org.medvqa.e2e.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;

/**
 * A WADO-RS endpoint on loopback that serves one study's real Part-10 files as
 * {@code multipart/related; type="application/dicom"}, or fails the way a PACS can, chosen per request:
 * cut off in the middle of an instance, stalled in the middle of the study or before the headers,
 * random bytes as the body, an HTML page, a 500. {@link #stop()} and {@link #start()} make it go down
 * and come back on the same port.
 */
final class FakeDicomWeb implements AutoCloseable {
  enum Mode { GOOD, CUT_MID_STUDY, STALL_MID_STUDY, STALL_BEFORE_HEADERS, GARBAGE, HTML, SERVER_ERROR }

  private static final String BOUNDARY = "fake-pacs-boundary";
  private final List<byte[]> instances;
  private final long stallMillis;
  private final int port;
  private HttpServer server;
  volatile Mode mode = Mode.GOOD;
  volatile int requests;

  FakeDicomWeb(List<Path> files, long stallMillis) throws IOException {
    this.instances = files.stream().map(FakeDicomWeb::read).toList();
    this.stallMillis = stallMillis;
    try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
    start();
  }

  String url() {
    return "http://127.0.0.1:" + port + "/dicom-web";
  }

  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/dicom-web/", this::handle);
    server.start();
  }

  /** Down: the port refuses connections. */
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    requests++;
    try (ex) {
      Mode m = mode;
      if (m == Mode.STALL_BEFORE_HEADERS) {
        sleep(stallMillis);
      }
      switch (m) {
        case SERVER_ERROR -> {
          ex.sendResponseHeaders(500, -1);
          return;
        }
        case HTML -> {
          byte[] page = "<html><body>PACS maintenance</body></html>".getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, page.length);
          ex.getResponseBody().write(page);
          return;
        }
        default -> { }
      }
      ex.getResponseHeaders().set("Content-Type",
          "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      if (m == Mode.GARBAGE) {
        byte[] noise = new byte[256 * 1024];
        new Random(7).nextBytes(noise);
        out.write(noise);
        return;
      }
      int half = instances.size() / 2;
      for (int i = 0; i < instances.size(); i++) {
        out.write(("\r\n--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] file = instances.get(i);
        if (i == half && m == Mode.CUT_MID_STUDY) {
          out.write(file, 0, file.length / 2);
          out.flush();
          throw new IOException("cut off on purpose"); // the JDK server then drops the connection mid-body
        }
        if (i == half && m == Mode.STALL_MID_STUDY) {
          out.write(file, 0, file.length / 2);
          out.flush();
          sleep(stallMillis);
        }
        out.write(file);
        out.flush();
      }
      out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
