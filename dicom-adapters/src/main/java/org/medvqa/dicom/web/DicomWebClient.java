package org.medvqa.dicom.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.medvqa.dicom.source.PacsException;
import org.medvqa.dicom.source.PacsException.Kind;
import org.medvqa.dicom.source.Part10Header;

/**
 * QIDO-RS, WADO-RS and STOW-RS over {@code java.net.http} (DICOM PS3.18).
 *
 * <p>Every request holds one permit of a semaphore of {@code maxConcurrentRequests} while it runs, its
 * body included. A 5xx answer or a failed connection is retried {@code maxRetries} times, waiting
 * {@code retryBackoff * 2^attempt}; a request whose body has started streaming is never retried. Errors
 * become {@link PacsException}s: connection refused or unknown host UNREACHABLE, 401/403 UNAUTHORIZED,
 * 404 NOT_FOUND, no headers or no body progress within {@code readTimeout} TIMEOUT, anything else
 * PROTOCOL.
 */
public final class DicomWebClient implements AutoCloseable {

  static final String DICOM_MULTIPART = "multipart/related; type=\"application/dicom\"";
  private static final String DICOM_JSON = "application/dicom+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DicomWebConfig config;
  private final HttpClient http;
  private final Semaphore permits;

  public DicomWebClient(DicomWebConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.permits = new Semaphore(config.maxConcurrentRequests(), true);
  }

  public DicomWebConfig config() {
    return config;
  }

  /** A QIDO-RS search, e.g. {@code qido("studies", Map.of("PatientID", "X"))}; an empty array for no match. */
  public JsonNode qido(String path, Map<String, String> params) {
    return getJson(path, params);
  }

  /** WADO-RS metadata ({@code studies/{uid}/metadata} etc.): the DICOM JSON array. */
  public JsonNode metadata(String path) {
    return getJson(path, Map.of());
  }

  /**
   * WADO-RS of DICOM instances ({@code studies/{uid}}, {@code .../series/{uid}}, {@code .../instances/{uid}}):
   * each part is streamed into {@code destinationDir} and renamed to {@code <SOPInstanceUID>.dcm} once complete.
   */
  public List<Path> retrieveInstances(String path, Path destinationDir) {
    createDirectories(destinationDir);
    List<Path> written = new ArrayList<>();
    String accept = DICOM_MULTIPART + "; transfer-syntax=*";
    streamMultipart(path, accept, reader -> {
      while (reader.nextPart()) {
        Path tmp = destinationDir.resolve(".part-" + UUID.randomUUID() + ".tmp");
        try {
          // A small buffer: body chunks of up to 64 KiB go straight to the file, only part headers are gathered.
          HeadCapture head = new HeadCapture(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 13));
          try (head) {
            reader.transferBodyTo(head);
          }
          String sop = head.header(tmp).mediaStorageSopInstanceUid();
          Path target = destinationDir.resolve(safeFileName(sop) + ".dcm");
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          written.add(target);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    }, () -> written.size() + " complete instance(s) were written before the failure");
    return written;
  }

  /**
   * WADO-RS frames ({@code studies/{s}/series/{r}/instances/{i}/frames/1,2}): each frame's bytes, as the
   * server sends them (uncompressed unless asked otherwise), to {@code frame-<n>.raw} in {@code destinationDir}.
   */
  public List<Path> retrieveFrames(String path, Path destinationDir) {
    createDirectories(destinationDir);
    List<Path> written = new ArrayList<>();
    streamMultipart(path, "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*", reader -> {
      while (reader.nextPart()) {
        Path target = destinationDir.resolve("frame-" + (written.size() + 1) + ".raw");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
          reader.transferBodyTo(out);
        }
        written.add(target);
      }
    }, () -> written.size() + " frame(s) were written before the failure");
    return written;
  }

  /**
   * STOW-RS of Part-10 files to {@code studies}: the files are streamed, never loaded whole. Every file is
   * checked to be Part-10 first ({@link IllegalArgumentException} otherwise, nothing sent). Returns the
   * server's response document; a failed instance in it (FailedSOPSequence) is a PROTOCOL error.
   */
  public JsonNode store(List<Path> files) {
    if (files.isEmpty()) {
      return JsonNodeFactory.instance.objectNode();
    }
    String boundary = "medvqa-" + UUID.randomUUID();
    HttpRequest.BodyPublisher body = multipartBody(files, boundary);
    HttpRequest.Builder request = request("studies", Map.of())
        .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
        .header("Accept", DICOM_JSON)
        .POST(body);
    return withPermit(() -> {
      HttpResponse<InputStream> response = send(request, "STOW-RS");
      JsonNode answer = readJson(response, "STOW-RS");
      JsonNode failed = answer.path("00081198").path("Value");
      if (failed.isArray() && !failed.isEmpty()) {
        throw new PacsException(Kind.PROTOCOL, describe() + " refused " + failed.size() + " of " + files.size()
            + " instance(s) in STOW-RS");
      }
      return answer;
    });
  }

  public String describe() {
    return "DICOMweb " + config.baseUri();
  }

  @Override
  public void close() {
    http.close();
  }

  /**
   * Passes bytes through and keeps the first {@value #HEAD} of them, where the File Meta Information (and
   * so the SOP Instance UID that names the file) lives, so the written file need not be read back.
   */
  private static final class HeadCapture extends java.io.FilterOutputStream {
    private static final int HEAD = 8192;
    private final byte[] head = new byte[HEAD];
    private int kept;

    HeadCapture(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (kept < HEAD) {
        int n = Math.min(len, HEAD - kept);
        System.arraycopy(b, off, head, kept, n);
        kept += n;
      }
      out.write(b, off, len);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    Part10Header header(Path file) throws IOException {
      try {
        return Part10Header.read(new java.io.ByteArrayInputStream(head, 0, kept), file.toString());
      } catch (IOException e) {
        return Part10Header.read(file); // meta information longer than the captured head: rare
      }
    }
  }

  // --- plumbing ---------------------------------------------------------------------------------

  private JsonNode getJson(String path, Map<String, String> params) {
    HttpRequest.Builder request = request(path, params).header("Accept", DICOM_JSON).GET();
    return withPermit(() -> readJson(send(request, "GET " + path), "GET " + path));
  }

  @FunctionalInterface
  interface PartsConsumer {
    void accept(MultipartRelatedReader reader) throws IOException;
  }

  private void streamMultipart(String path, String accept, PartsConsumer consumer, java.util.function.Supplier<String> progress) {
    HttpRequest.Builder request = request(path, Map.of()).header("Accept", accept).GET();
    withPermit(() -> {
      HttpResponse<InputStream> response = send(request, "WADO-RS " + path);
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      IdleTimeoutInputStream body = new IdleTimeoutInputStream(response.body(), config.readTimeout());
      try (body) {
        if (response.statusCode() == 204) {
          throw new PacsException(Kind.NOT_FOUND, describe() + ": nothing at " + path);
        }
        String boundary;
        try {
          boundary = MultipartRelatedReader.boundaryOf(contentType);
        } catch (IllegalArgumentException e) {
          throw new PacsException(Kind.PROTOCOL, describe() + ": WADO-RS answered " + contentType
              + " instead of multipart/related with a boundary", e);
        }
        consumer.accept(new MultipartRelatedReader(body, boundary));
      } catch (IOException e) {
        if (body.timedOut()) {
          throw new PacsException(Kind.TIMEOUT, describe() + ": no data for " + config.readTimeout().toMillis()
              + " ms while retrieving " + path + "; " + progress.get(), e);
        }
        throw new PacsException(Kind.PROTOCOL, describe() + ": response for " + path + " broke off: "
            + e.getMessage() + "; " + progress.get(), e);
      }
      return null;
    });
  }

  private JsonNode readJson(HttpResponse<InputStream> response, String what) {
    IdleTimeoutInputStream body = new IdleTimeoutInputStream(response.body(), config.readTimeout());
    try (body) {
      if (response.statusCode() == 204) {
        return JsonNodeFactory.instance.arrayNode();
      }
      byte[] bytes = body.readAllBytes();
      if (bytes.length == 0) {
        return JsonNodeFactory.instance.arrayNode();
      }
      return JSON.readTree(bytes);
    } catch (IOException e) {
      if (body.timedOut()) {
        throw new PacsException(Kind.TIMEOUT, describe() + ": no data for " + config.readTimeout().toMillis()
            + " ms in the answer to " + what, e);
      }
      throw new PacsException(Kind.PROTOCOL, describe() + ": unreadable answer to " + what + ": " + e.getMessage(), e);
    }
  }

  /** Sends with retries; returns only 2xx responses (body unread), throws a PacsException otherwise. */
  private HttpResponse<InputStream> send(HttpRequest.Builder builder, String what) {
    HttpRequest request = builder.build();
    for (int attempt = 0; ; attempt++) {
      boolean last = attempt >= config.maxRetries();
      HttpResponse<InputStream> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpConnectTimeoutException e) {
        throw new PacsException(Kind.TIMEOUT, describe() + ": no connection within "
            + config.connectTimeout().toMillis() + " ms", e);
      } catch (HttpTimeoutException e) {
        throw new PacsException(Kind.TIMEOUT, describe() + ": no answer to " + what + " within "
            + config.readTimeout().toMillis() + " ms", e);
      } catch (ConnectException | UnresolvedAddressException e) {
        if (last) {
          throw new PacsException(Kind.UNREACHABLE, describe() + " is unreachable (" + reason(e) + ")", e);
        }
        backoff(attempt);
        continue;
      } catch (IOException e) {
        if (last) {
          throw new PacsException(Kind.UNREACHABLE, describe() + ": connection failed during " + what + " ("
              + reason(e) + ")", e);
        }
        backoff(attempt);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PacsException(Kind.TIMEOUT, describe() + ": interrupted during " + what, e);
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        return response;
      }
      String detail = errorBody(response);
      if (status >= 500 && !last) {
        backoff(attempt);
        continue;
      }
      throw switch (status) {
        case 401, 403 -> new PacsException(Kind.UNAUTHORIZED, describe() + " refused our credentials (HTTP "
            + status + ") for " + what);
        case 404 -> new PacsException(Kind.NOT_FOUND, describe() + ": not found (HTTP 404) for " + what);
        default -> new PacsException(Kind.PROTOCOL, describe() + " answered HTTP " + status + " to " + what
            + (detail.isEmpty() ? "" : ": " + detail));
      };
    }
  }

  private String errorBody(HttpResponse<InputStream> response) {
    try (InputStream in = new IdleTimeoutInputStream(response.body(), config.readTimeout())) {
      String text = new String(in.readNBytes(300), StandardCharsets.UTF_8);
      return text.replaceAll("\\s+", " ").strip();
    } catch (IOException e) {
      return "";
    }
  }

  private void backoff(int attempt) {
    try {
      Thread.sleep(config.retryBackoff().toMillis() << Math.min(attempt, 10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PacsException(Kind.TIMEOUT, describe() + ": interrupted while waiting to retry", e);
    }
  }

  private HttpRequest.Builder request(String path, Map<String, String> params) {
    StringBuilder uri = new StringBuilder(config.baseUri().toString()).append('/').append(path);
    char sep = '?';
    for (Map.Entry<String, String> p : params.entrySet()) {
      // Commas stay literal: they separate includefield's list (PS3.18), and Orthanc reads "%2C" as part of a tag.
      uri.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8).replace("%2C", ","));
      sep = '&';
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(config.readTimeout());
    config.auth().authorizationHeader().ifPresent(value -> builder.header("Authorization", value));
    return builder;
  }

  private static HttpRequest.BodyPublisher multipartBody(List<Path> files, String boundary) {
    List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("not a file: " + file);
      }
      try {
        Part10Header.read(file); // refuse before sending anything, rather than half a study
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot send " + file + ": " + e.getMessage(), e);
      }
      parts.add(HttpRequest.BodyPublishers.ofString(
          "\r\n--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n", StandardCharsets.US_ASCII));
      try {
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
      } catch (java.io.FileNotFoundException e) {
        throw new IllegalArgumentException("cannot read " + file, e);
      }
    }
    parts.add(HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.US_ASCII));
    return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
  }

  private <T> T withPermit(java.util.concurrent.Callable<T> call) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PacsException(Kind.TIMEOUT, describe() + ": interrupted while waiting for a free connection", e);
    }
    try {
      return call.call();
    } catch (PacsException | IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new PacsException(Kind.PROTOCOL, describe() + ": " + e.getMessage(), e);
    } finally {
      permits.release();
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  static String safeFileName(String uid) {
    if (!uid.matches("[0-9.]{1,64}")) {
      throw new PacsException(Kind.PROTOCOL, "received an instance with an invalid SOP Instance UID: " + uid);
    }
    return uid;
  }

  private static String reason(Throwable e) {
    String m = e.getMessage();
    if ((m == null || m.isBlank()) && e instanceof ConnectException) {
      return "connection refused";
    }
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
