package org.medvqa.plugin.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medvqa.plugin.model.InvalidModelException;
import org.medvqa.plugin.adapters.RealComponents;
import org.medvqa.plugin.server.Components;
import org.medvqa.plugin.server.MedVqaServer;
import org.medvqa.plugin.server.ServerConfig;

/** Starts a server on a free loopback port with a known API key, a good model and a corrupt one. */
public final class TestServers {
  public static final String KEY = "test-key-0123456789abcdef";
  public static final String CORRUPT_MODEL = "corrupt";

  private TestServers() {}

  public static MedVqaServer start(Path dir, long maxUploadBytes) throws IOException, InvalidModelException {
    return start(dir, maxUploadBytes, RealComponents.create(null, 16));
  }

  public static MedVqaServer start(Path dir, long maxUploadBytes, Components parts)
      throws IOException, InvalidModelException {
    Files.createDirectories(dir);
    Path keys = dir.resolve("api-keys");
    Files.writeString(keys, "# test keys\n" + KEY + "\n");
    Path models = dir.resolve("models");
    TinyModel.write(models.resolve("base"), 1);
    TinyModel.write(models.resolve("other"), 2);
    Files.createDirectories(models.resolve(CORRUPT_MODEL));
    Files.writeString(models.resolve(CORRUPT_MODEL).resolve("config.json"), "{ truncated");
    ServerConfig config = new ServerConfig();
    config.port = 0;
    config.apiKeys = keys.toString();
    config.modelsDir = models.toString();
    config.maxUploadBytes = maxUploadBytes;
    config.auditLog = dir.resolve("audit.jsonl").toString();
    return MedVqaServer.start(config, parts, dir, models.resolve("base"));
  }
}
