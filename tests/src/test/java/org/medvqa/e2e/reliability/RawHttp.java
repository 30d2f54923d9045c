package org.medvqa.e2e.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so a request target goes out byte for byte as written ({@code ..},
 * {@code %2e}, {@code //}, case), which {@code java.net.http} would refuse or normalise. One request per
 * connection ({@code Connection: close}); the answer is read to the end of the stream.
 */
final class RawHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RawHttp() {}

  /** An answer: status, headers (names lower-cased) and body. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    boolean isProblem() {
      return contentType().startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      String t = text();
      return status + " " + contentType() + " " + (t.length() > 300 ? t.substring(0, 300) + "..." : t);
    }
  }

  /** Sends one request: {@code headers} as given (plus Host, Connection: close and Content-Length when there is a body). */
  static Response send(int port, String method, String target, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Socket s = connect(port)) {
      StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null && !headers.containsKey("Content-Length") && !headers.containsKey("Transfer-Encoding")) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      // The body goes from a second thread: a server that refuses early (413) stops reading, and its answer
      // must still be read rather than lost to a failed write.
      Thread writer = Thread.ofPlatform().daemon().start(() -> {
        try {
          if (body != null) {
            out.write(body);
            out.flush();
          }
        } catch (IOException stopped) {
          // the server closed the connection
        }
      });
      Response r = read(s.getInputStream());
      s.close();
      writer.join(10_000);
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static Response get(int port, String target, Map<String, String> headers) throws IOException {
    return send(port, "GET", target, headers, null);
  }

  /**
   * Streams {@code total} bytes as a chunked body (a multipart/form-data upload of zeros), writing from a
   * second thread while this one reads the answer, so an early refusal is seen however much is left.
   *
   * @return the answer and how many body bytes were written before the server stopped reading
   */
  static Streamed streamChunked(int port, String target, Map<String, String> headers, long total) throws Exception {
    try (Socket s = connect(port)) {
      StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      long[] written = {0};
      Thread writer = Thread.ofPlatform().daemon().start(() -> {
        byte[] chunk = new byte[64 * 1024];
        byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = {'\r', '\n'};
        try {
          while (written[0] < total) {
            out.write(size);
            out.write(chunk);
            out.write(crlf);
            written[0] += chunk.length;
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException stopped) {
          // the server closed the connection: what we want to see for an oversized body
        }
      });
      Response r = read(s.getInputStream());
      s.close();
      writer.join(10_000);
      return new Streamed(r, written[0]);
    }
  }

  record Streamed(Response response, long bytesWritten) {}

  private static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    s.setSoTimeout(120_000);
    return s;
  }

  private static Response read(InputStream raw) throws IOException {
    InputStream in = new java.io.BufferedInputStream(raw);
    String status = line(in);
    if (status == null || !status.startsWith("HTTP/1.")) {
      throw new IOException("no HTTP status line, got: " + status);
    }
    int code = Integer.parseInt(status.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.merge(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        for (String size; (size = line(in)) != null; ) {
          int n = Integer.parseInt(size.split(";")[0].strip(), 16);
          if (n == 0) {
            break;
          }
          body.write(in.readNBytes(n));
          line(in);
        }
      } else if (headers.containsKey("content-length")) {
        body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
      } else {
        body.write(in.readAllBytes());
      }
    } catch (java.net.SocketException reset) {
      // the server may reset the connection after its answer (an unread request body): keep what came
    }
    return new Response(code, headers, body.toByteArray());
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) != -1; ) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }
}
