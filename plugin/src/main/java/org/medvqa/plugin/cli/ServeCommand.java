package org.medvqa.plugin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.medvqa.dicom.source.StudySource;
import org.medvqa.plugin.adapters.RealComponents;
import org.medvqa.plugin.adapters.StudySources;
import org.medvqa.plugin.model.InvalidModelException;
import org.medvqa.plugin.server.DefaultModel;
import org.medvqa.plugin.server.MedVqaServer;
import org.medvqa.plugin.server.ServerConfig;
import org.medvqa.plugin.server.TlsConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medvqa serve}: the REST API and the web page, until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the REST API (/api/v1) and the web page (/) until Ctrl-C.",
      "Without --model the embedded default model is served; without --api-keys a key is generated and printed."
    })
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "JSON server configuration (see ServerConfig)")
  Path config;

  @Option(names = "--port", paramLabel = "N", description = "port (default 8080; 0 = any free port)")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDR", description = "address to bind (default 127.0.0.1)")
  String host;

  @Option(names = "--model", paramLabel = "DIR", description = "model directory (default: the embedded default model)")
  Path model;

  @Option(names = "--api-keys", paramLabel = "FILE", description = "accepted API keys, one per line")
  Path apiKeys;

  @Option(names = "--dicomweb", paramLabel = "URL", description = "DICOMweb study source, e.g. http://127.0.0.1:8042/dicom-web")
  String dicomweb;

  @Option(names = "--studies", paramLabel = "DIR", description = "a folder of DICOM files as the study source")
  Path studies;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "model registry, datasets and audit log (default ~/.medvqa)")
  Path dataDir;

  @Option(names = "--max-batch", paramLabel = "N", description = "largest inference batch (1 turns batching off)")
  Integer maxBatch;

  @Option(names = "--tls-keystore", paramLabel = "FILE",
      description = "PKCS#12 key store with the server's key and certificate: serve HTTPS only")
  Path tlsKeystore;

  @Option(names = "--tls-password-file", paramLabel = "FILE",
      description = "file whose first line is the key store's password (default: empty password)")
  Path tlsPasswordFile;

  @Override
  public Integer call() throws Exception {
    ServerConfig c = configuration();
    Path modelDir = c.model != null ? null : DefaultModel.locate();
    if (c.model == null && modelDir == null) {
      throw new BadInputException("no default model found (plugin/models/default); give --model DIR");
    }
    Path data = dataDir != null ? dataDir : DefaultModel.dataDir();
    MedVqaServer server = start(c, data, modelDir);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    printBanner(server);
    stopped.await();
    return ExitCodes.OK;
  }

  /** The configuration file (if any) with this command's options applied over it. */
  ServerConfig configuration() {
    ServerConfig c = config != null ? readConfig(config) : new ServerConfig();
    applyOverrides(c);
    return c;
  }

  /** Starts a server from a configuration; shared with {@code demo}. */
  static MedVqaServer start(ServerConfig c, Path data, Path modelDir) throws Exception {
    StudySource source;
    try {
      source = StudySources.open(c.studySource);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    try {
      return MedVqaServer.start(c, RealComponents.create(source, 64), data, modelDir);
    } catch (InvalidModelException e) {
      if (source != null) {
        source.close();
      }
      throw new BadInputException("model refused: " + e.getMessage());
    } catch (TlsConfigException e) {
      if (source != null) {
        source.close();
      }
      throw new BadInputException(e.getMessage());
    }
  }

  static void printBanner(MedVqaServer server) {
    var m = server.activeModel();
    System.out.println("medvqa: serving model " + m.id() + " (version " + m.version() + ", " + m.device() + ")");
    if (server.generatedKey() != null) {
      System.out.println("medvqa: API key for this run: " + server.generatedKey());
      System.out.println("medvqa: open " + server.baseUri() + "#key=" + server.generatedKey());
    } else {
      System.out.println("medvqa: open " + server.baseUri());
    }
    System.out.flush();
  }

  private static ServerConfig readConfig(Path file) {
    try {
      return ServerConfig.read(file);
    } catch (java.io.IOException e) {
      throw new BadInputException("cannot read config " + file + ": " + e.getMessage().replaceAll("\\s+", " "));
    }
  }

  private void applyOverrides(ServerConfig c) {
    if (port != null) {
      c.port = port;
    }
    if (host != null) {
      c.host = host;
    }
    if (model != null) {
      if (!Files.isDirectory(model)) {
        throw new BadInputException("model directory does not exist: " + model);
      }
      c.model = model.toString();
    }
    if (apiKeys != null) {
      if (!Files.isRegularFile(apiKeys)) {
        throw new BadInputException("API key file does not exist: " + apiKeys);
      }
      c.apiKeys = apiKeys.toString();
    }
    if (maxBatch != null) {
      c.maxBatch = maxBatch;
    }
    if (tlsKeystore != null || tlsPasswordFile != null) {
      if (tlsKeystore == null) {
        throw new BadInputException("--tls-password-file needs --tls-keystore");
      }
      if (!Files.isRegularFile(tlsKeystore)) {
        throw new BadInputException("TLS key store does not exist: " + tlsKeystore);
      }
      if (tlsPasswordFile != null && !Files.isRegularFile(tlsPasswordFile)) {
        throw new BadInputException("TLS password file does not exist: " + tlsPasswordFile);
      }
      c.tls = new ServerConfig.Tls();
      c.tls.keystore = tlsKeystore.toString();
      c.tls.passwordFile = tlsPasswordFile == null ? null : tlsPasswordFile.toString();
    }
    if (dicomweb != null) {
      c.studySource = new ServerConfig.StudySourceConfig();
      c.studySource.type = "dicomweb";
      c.studySource.url = dicomweb;
    } else if (studies != null) {
      c.studySource = new ServerConfig.StudySourceConfig();
      c.studySource.type = "folder";
      c.studySource.folder = studies.toString();
    }
  }
}
