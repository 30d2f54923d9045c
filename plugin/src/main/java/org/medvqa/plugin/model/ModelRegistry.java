package org.medvqa.plugin.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned model directories: list, activate, roll back, install a newly trained one.
 *
 * <p>The registry root holds one directory per model ({@code <root>/<id>/config.json ...}); further
 * directories elsewhere (the embedded default model, {@code serve --model DIR}) can be added with
 * {@link #register}. Exactly one model is active. Activation loads the new model first and only then
 * swaps it in; a directory the {@link ModelLoader} refuses leaves the active model serving. Requests
 * hold a {@link Lease} for the length of their batch, so a swap never pulls a model from under them.
 * The id of the active model is remembered in {@code <root>/ACTIVE} across restarts.
 */
public final class ModelRegistry implements AutoCloseable {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final String ACTIVE_FILE = "ACTIVE";

  private final Path root;
  private final ModelLoader loader;
  private final Map<String, Path> extra = new LinkedHashMap<>();
  private final AtomicReference<LoadedModel> active = new AtomicReference<>();
  private final Deque<String> history = new ArrayDeque<>();
  private final Object swapLock = new Object();

  public ModelRegistry(Path root, ModelLoader loader) {
    this.root = root;
    this.loader = loader;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create model registry " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  /** Adds a model directory that lives outside the registry root (it is not copied). */
  public synchronized void register(String id, Path dir) {
    requireValidId(id);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("model directory does not exist: " + dir);
    }
    extra.put(id, dir.toAbsolutePath().normalize());
  }

  /** Every model directory known, oldest first, with the active one marked. */
  public synchronized List<ModelEntry> list() {
    String activeId = activeInfo().map(ModelInfo::id).orElse(null);
    List<ModelEntry> entries = new ArrayList<>();
    for (Map.Entry<String, Path> e : directories().entrySet()) {
      entries.add(entry(e.getKey(), e.getValue(), e.getKey().equals(activeId)));
    }
    entries.sort(Comparator.comparing(ModelEntry::created).thenComparing(ModelEntry::id));
    return entries;
  }

  public Optional<ModelInfo> activeInfo() {
    LoadedModel m = active.get();
    return m == null ? Optional.empty() : Optional.of(m.info());
  }

  /** The id remembered from the last run, if it still exists. */
  public synchronized Optional<String> rememberedActiveId() {
    Path file = root.resolve(ACTIVE_FILE);
    try {
      if (Files.isRegularFile(file)) {
        String id = Files.readString(file, StandardCharsets.UTF_8).strip();
        return directories().containsKey(id) ? Optional.of(id) : Optional.empty();
      }
    } catch (IOException ignored) {
      // an unreadable marker only loses the preference
    }
    return Optional.empty();
  }

  /**
   * Loads and activates a model. The previous model keeps answering the batches that already hold it
   * and is freed after the last of them.
   *
   * @throws UnknownModelException when no model has this id
   * @throws InvalidModelException when the directory is refused; the active model is unchanged
   */
  public ModelInfo activate(String id) throws InvalidModelException {
    synchronized (swapLock) {
      Path dir = directoryOf(id);
      Answerer answerer;
      try {
        answerer = loader.load(dir);
      } catch (InvalidModelException e) {
        // The reason goes to API callers: name the model by its id, not by where the server keeps it.
        String why = String.valueOf(e.getMessage()).replace("model directory " + dir, "model '" + id + "'")
            .replace(dir.toString(), "model '" + id + "'");
        throw new InvalidModelException(why, e);
      }
      ModelInfo info = new ModelInfo(id, ModelVersions.of(dir), answerer.device());
      LoadedModel previous = active.getAndSet(new LoadedModel(answerer, info));
      if (previous != null) {
        history.push(previous.info().id());
        previous.release();
      }
      remember(id);
      return info;
    }
  }

  /**
   * Re-activates the model that was active before the current one.
   *
   * @throws IllegalStateException when there is nothing to roll back to
   */
  public ModelInfo rollback() throws InvalidModelException {
    synchronized (swapLock) {
      String current = activeInfo().map(ModelInfo::id).orElse(null);
      while (!history.isEmpty()) {
        String previous = history.pop();
        if (!previous.equals(current) && directories().containsKey(previous)) {
          ModelInfo info = activate(previous);
          history.pop(); // activate() pushed the model we rolled back from; a rollback is not a step forward
          return info;
        }
      }
      throw new IllegalStateException("no earlier model to roll back to");
    }
  }

  /**
   * Takes a hold on the active model for one batch.
   *
   * @throws IllegalStateException when no model is active
   */
  public Lease acquire() {
    while (true) {
      LoadedModel m = active.get();
      if (m == null) {
        throw new IllegalStateException("no model is active");
      }
      if (m.retain()) {
        return new Lease(m);
      }
    }
  }

  /**
   * Moves a freshly written model directory into the registry under a new id ({@code prefix-N}),
   * by rename, so the registry never shows a half-copied model. It is not activated.
   */
  public synchronized ModelEntry install(Path newModelDir, String prefix) {
    requireValidId(prefix);
    Map<String, Path> known = directories();
    int n = 1;
    while (known.containsKey(prefix + "-" + n) || Files.exists(root.resolve(prefix + "-" + n))) {
      n++;
    }
    String id = prefix + "-" + n;
    Path target = root.resolve(id);
    try {
      try {
        Files.move(newModelDir, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Path staging = root.resolve("." + id + ".partial");
        copyTree(newModelDir, staging);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install model as " + id, e);
    }
    return entry(id, target, false);
  }

  public Path directoryOf(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new UnknownModelException(String.valueOf(id));
    }
    Path dir = directories().get(id);
    if (dir == null) {
      throw new UnknownModelException(id);
    }
    return dir;
  }

  @Override
  public void close() {
    LoadedModel m = active.getAndSet(null);
    if (m != null) {
      m.release();
    }
  }

  private synchronized Map<String, Path> directories() {
    Map<String, Path> dirs = new LinkedHashMap<>(extra);
    try (Stream<Path> children = Files.list(root)) {
      children
          .filter(Files::isDirectory)
          .filter(p -> ID.matcher(p.getFileName().toString()).matches())
          .forEach(p -> dirs.putIfAbsent(p.getFileName().toString(), p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list model registry " + root, e);
    }
    return dirs;
  }

  private ModelEntry entry(String id, Path dir, boolean isActive) {
    Instant created;
    try {
      created = Files.getLastModifiedTime(dir).toInstant();
    } catch (IOException e) {
      created = Instant.EPOCH;
    }
    String version = isActive ? active.get().info().version() : ModelVersions.of(dir);
    return new ModelEntry(id, version, dir, created, isActive);
  }

  private void remember(String id) {
    try {
      Path tmp = root.resolve(ACTIVE_FILE + ".tmp");
      Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, root.resolve(ACTIVE_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException ignored) {
      // the preference is a convenience; serving goes on
    }
  }

  private static void requireValidId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("invalid model id '" + id + "' (letters, digits, '.', '_', '-')");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
