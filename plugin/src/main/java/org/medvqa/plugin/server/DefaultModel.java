package org.medvqa.plugin.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the embedded default model: {@code plugin/models/default} under the medvqa home (the
 * launcher sets {@code -Dmedvqa.home}), or under the working directory.
 */
public final class DefaultModel {
  static final String RELATIVE = "plugin/models/default";

  private DefaultModel() {}

  /** The default model directory, or null when none is found. */
  public static Path locate() {
    List<Path> candidates = new ArrayList<>();
    String home = System.getProperty("medvqa.home");
    if (home != null) {
      candidates.add(Path.of(home, RELATIVE));
    }
    String env = System.getenv("MEDVQA_HOME");
    if (env != null) {
      candidates.add(Path.of(env, RELATIVE));
    }
    candidates.add(Path.of(RELATIVE));
    candidates.add(Path.of("..", RELATIVE));
    for (Path p : candidates) {
      if (Files.isRegularFile(p.resolve("config.json"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    return null;
  }

  /** Where medvqa keeps its data when nothing else is configured: {@code $MEDVQA_DATA}, else {@code ~/.medvqa}. */
  public static Path dataDir() {
    String env = System.getenv("MEDVQA_DATA");
    return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".medvqa");
  }
}
