package org.medvqa.dicom.web;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a DICOMweb server.
 *
 * @param baseUri the service root, e.g. {@code http://pacs:8042/dicom-web} (QIDO, WADO and STOW share it)
 * @param auth basic, bearer or none
 * @param connectTimeout time to open a TCP connection
 * @param readTimeout longest wait for the response headers, and longest pause between two reads of a body
 * @param maxRetries extra attempts after a 5xx or a connection error (requests that have not started streaming)
 * @param retryBackoff delay before the first retry; doubled for each further one
 * @param maxConcurrentRequests requests in flight at once through one client
 */
public record DicomWebConfig(
    URI baseUri,
    HttpAuth auth,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRetries,
    Duration retryBackoff,
    int maxConcurrentRequests) {

  public DicomWebConfig {
    Objects.requireNonNull(baseUri, "baseUri");
    Objects.requireNonNull(auth, "auth");
    String scheme = baseUri.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUri.getHost() == null) {
      throw new IllegalArgumentException("DICOMweb URL must be http(s)://host[:port]/path, got " + baseUri);
    }
    String text = baseUri.toString();
    if (text.endsWith("/")) {
      baseUri = URI.create(text.substring(0, text.length() - 1));
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxRetries < 0 || maxConcurrentRequests < 1) {
      throw new IllegalArgumentException("maxRetries must be >= 0 and maxConcurrentRequests >= 1");
    }
  }

  /** Defaults: no auth, 5 s connect, 30 s read, 2 retries from 200 ms, 4 concurrent requests. */
  public static DicomWebConfig of(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
    return new DicomWebConfig(uri, HttpAuth.none(), Duration.ofSeconds(5), Duration.ofSeconds(30), 2,
        Duration.ofMillis(200), 4);
  }

  public DicomWebConfig withAuth(HttpAuth value) {
    return new DicomWebConfig(baseUri, value, connectTimeout, readTimeout, maxRetries, retryBackoff, maxConcurrentRequests);
  }

  public DicomWebConfig withTimeouts(Duration connect, Duration read) {
    return new DicomWebConfig(baseUri, auth, connect, read, maxRetries, retryBackoff, maxConcurrentRequests);
  }

  public DicomWebConfig withRetries(int retries, Duration backoff) {
    return new DicomWebConfig(baseUri, auth, connectTimeout, readTimeout, retries, backoff, maxConcurrentRequests);
  }

  public DicomWebConfig withMaxConcurrentRequests(int value) {
    return new DicomWebConfig(baseUri, auth, connectTimeout, readTimeout, maxRetries, retryBackoff, value);
  }
}
