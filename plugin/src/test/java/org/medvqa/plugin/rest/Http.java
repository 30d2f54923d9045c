package org.medvqa.plugin.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the tests: JSON, multipart and raw requests against a running server. */
public final class Http {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String key;

  public Http(URI base, String key) {
    this.base = base;
    this.key = key;
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b;
  }

  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** Multipart form: byte[] values become file parts, strings become text parts. */
  public HttpResponse<String> postMultipart(String path, Map<String, Object> parts) throws IOException, InterruptedException {
    Multipart m = Multipart.of(parts);
    return send(request(path).header("Content-Type", m.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(m.body())).build());
  }

  /** A multipart body. Keys ending in {@code [n]} repeat a part name ({@code files[0]}, {@code files[1]}). */
  public record Multipart(String boundary, byte[] body) {
    public String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    public static Multipart of(Map<String, Object> parts) {
      String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Map.Entry<String, Object> e : new LinkedHashMap<>(parts).entrySet()) {
        String name = e.getKey().replaceAll("\\[\\d+]$", "");
        out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
        if (e.getValue() instanceof byte[] bytes) {
          out.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + e.getKey()
              .replaceAll("[^A-Za-z0-9]", "_") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
          out.writeBytes(bytes);
        } else {
          out.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + e.getValue())
              .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return new Multipart(boundary, out.toByteArray());
    }
  }
}
