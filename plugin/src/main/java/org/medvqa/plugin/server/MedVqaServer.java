package org.medvqa.plugin.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.medvqa.plugin.engine.InferenceEngine;
import org.medvqa.plugin.jobs.TrainingJobs;
import org.medvqa.plugin.model.InvalidModelException;
import org.medvqa.plugin.model.ModelInfo;
import org.medvqa.plugin.model.ModelRegistry;
import org.medvqa.plugin.rest.AppContext;
import org.medvqa.plugin.rest.RestApp;
import org.medvqa.plugin.security.ApiKeys;
import org.medvqa.plugin.security.AuditLog;
import org.medvqa.plugin.security.Hashing;
import org.medvqa.plugin.service.VqaService;

/**
 * A running medvqa server: registry, engine, service and the HTTP(S) endpoint, assembled from a
 * {@link ServerConfig} and the {@link Components}. {@code serve}, {@code demo} and the end-to-end tests
 * all start it this way.
 *
 * <p>Without an API key file a random key is generated and returned by {@link #generatedKey()}; it is
 * printed once by the command that started the server and written nowhere else.
 */
public final class MedVqaServer implements AutoCloseable {
  private final VqaService service;
  private final HttpServers.Running http;
  private final AuditLog audit;
  private final String generatedKey;
  private final String scheme;
  private final String host;

  private MedVqaServer(
      VqaService service, HttpServers.Running http, AuditLog audit, String generatedKey, String scheme, String host) {
    this.service = service;
    this.http = http;
    this.audit = audit;
    this.generatedKey = generatedKey;
    this.scheme = scheme;
    this.host = host;
  }

  /**
   * Starts the server.
   *
   * @param dataDir where the model registry, datasets and audit log live unless the config says otherwise
   * @param modelDir the model to serve first when the registry remembers none (the default model)
   */
  public static MedVqaServer start(ServerConfig config, Components parts, Path dataDir, Path modelDir)
      throws IOException, InvalidModelException {
    SSLContext tls = null; // first: a bad key store must fail before anything is loaded
    if (config.tls != null && config.tls.keystore != null) {
      char[] password;
      try {
        password = config.tls.passwordChars();
      } catch (IOException e) {
        throw new TlsConfigException("cannot read the TLS password file " + config.tls.passwordFile, e);
      }
      tls = HttpServers.tls(Path.of(config.tls.keystore), password);
    }
    Path models = config.modelsDir != null ? Path.of(config.modelsDir) : dataDir.resolve("models");
    Path datasets = config.datasetsDir != null ? Path.of(config.datasetsDir) : dataDir.resolve("datasets");
    Files.createDirectories(datasets);
    ModelRegistry registry = new ModelRegistry(models, parts.loader());
    String first = null;
    if (config.model != null) {
      modelDir = Path.of(config.model);
    }
    if (modelDir != null) {
      first = idFor(modelDir);
      registry.register(first, modelDir);
    }
    String startWith = config.model != null ? first : registry.rememberedActiveId().orElse(first);
    if (startWith == null) {
      throw new InvalidModelException("no model to serve: give --model DIR");
    }
    try {
      registry.activate(startWith);
    } catch (InvalidModelException e) {
      if (first == null || first.equals(startWith)) {
        registry.close();
        throw e;
      }
      registry.activate(first);
    }
    InferenceEngine engine = new InferenceEngine(registry, config.engine());
    VqaService service = new VqaService(
        registry, engine, parts.decoder(), parts.studies(), parts.concepts(), parts.scorer(), parts.srWriter(),
        dataDir.resolve("scratch"));
    String generated = null;
    ApiKeys keys;
    if (config.apiKeys != null) {
      keys = ApiKeys.load(Path.of(config.apiKeys));
    } else {
      generated = ApiKeys.randomKey();
      keys = ApiKeys.of(List.of(generated));
    }
    AuditLog audit = new AuditLog(config.auditLog != null ? Path.of(config.auditLog) : dataDir.resolve("audit.jsonl"));
    String salt = Hashing.shortSha256(models.toAbsolutePath().toString() + "|" + ApiKeys.randomKey(), 16);
    TrainingJobs jobs = parts.trainer() == null ? null : new TrainingJobs(parts.trainer(), registry, datasets);
    AppContext ctx = new AppContext(service, jobs, keys, audit, salt, config.maxUploadBytes);
    HttpServers.Running http;
    try {
      http = HttpServers.start(config.host, config.port, RestApp.createApp(ctx), tls);
    } catch (IOException e) {
      service.close();
      audit.close();
      throw new IOException("cannot listen on " + config.host + ":" + config.port + ": " + e.getMessage(), e);
    }
    return new MedVqaServer(service, http, audit, generated, tls == null ? "http" : "https", config.host);
  }

  private static String idFor(Path modelDir) {
    String name = modelDir.toAbsolutePath().normalize().getFileName().toString();
    String id = name.replaceAll("[^A-Za-z0-9._-]", "-");
    return id.isEmpty() || !Character.isLetterOrDigit(id.charAt(0)) ? "model-" + id : id;
  }

  public URI baseUri() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create(scheme + "://" + h + ":" + http.port() + "/");
  }

  public int port() {
    return http.port();
  }

  /** The key generated for a server without a key file, else null. */
  public String generatedKey() {
    return generatedKey;
  }

  public VqaService service() {
    return service;
  }

  public Path auditLog() {
    return audit.file();
  }

  public ModelInfo activeModel() {
    return service.registry().activeInfo().orElseThrow();
  }

  @Override
  public void close() {
    http.close();
    service.close();
    audit.close();
  }
}
