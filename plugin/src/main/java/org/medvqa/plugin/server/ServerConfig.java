package org.medvqa.plugin.server;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.medvqa.plugin.engine.EngineConfig;

/**
 * The server's settings, read from a JSON file ({@code serve --config F}); every field is optional.
 *
 * <pre>{@code
 * {
 *   "host": "127.0.0.1", "port": 8080,
 *   "model": "/models/default", "modelsDir": "/var/lib/medvqa/models", "datasetsDir": "/var/lib/medvqa/datasets",
 *   "apiKeys": "/etc/medvqa/api-keys", "auditLog": "/var/log/medvqa/audit.jsonl",
 *   "maxUploadBytes": 268435456,
 *   "maxBatch": 16, "maxWaitMs": 10, "queueCapacity": 256, "requestTimeoutMs": 60000,
 *   "tls": {"keystore": "/etc/medvqa/server.p12", "passwordFile": "/etc/medvqa/server.p12.pw"},
 *   "studySource": {"type": "dicomweb", "url": "http://127.0.0.1:8042/dicom-web"}
 * }
 * }</pre>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class ServerConfig {
  public String host = "127.0.0.1";
  public int port = 8080;
  public String model;
  public String modelsDir;
  public String datasetsDir;
  public String apiKeys;
  public String auditLog;
  public long maxUploadBytes = 256L << 20;
  public int maxBatch = 16;
  public long maxWaitMs = 10;
  public int queueCapacity = 256;
  public long requestTimeoutMs = 60_000;
  public Tls tls;
  public StudySourceConfig studySource;

  /**
   * TLS: a PKCS#12 key store with the server's key and certificate. Its password is the first line of
   * {@code passwordFile} (so it stays out of the config and the process list), else {@code password},
   * else empty.
   */
  public static final class Tls {
    public String keystore;
    public String password;
    public String passwordFile;

    public char[] passwordChars() throws IOException {
      if (passwordFile != null) {
        String text = java.nio.file.Files.readString(Path.of(passwordFile));
        return text.lines().findFirst().orElse("").toCharArray();
      }
      return password == null ? new char[0] : password.toCharArray();
    }
  }

  /**
   * Where studies come from: {@code dicomweb} (url: the DICOMweb root), {@code dimse} (url:
   * {@code AET@HOST:PORT}, C-GET as AE MEDVQA) or {@code folder} (folder).
   */
  public static final class StudySourceConfig {
    public String type;
    public String url;
    public String folder;
    /** HTTP basic credentials for a dicomweb source. */
    public String user;
    public String password;
    /**
     * dicomweb: longest wait for a response's headers and between two reads of its body (default
     * 30000); past it the caller gets 504.
     */
    public Long readTimeoutMs;
  }

  public static ServerConfig read(Path file) throws IOException {
    ObjectMapper m = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    return m.readValue(file.toFile(), ServerConfig.class);
  }

  public EngineConfig engine() {
    return new EngineConfig(
        maxBatch, Duration.ofMillis(maxWaitMs), queueCapacity, Duration.ofMillis(requestTimeoutMs));
  }
}
