package org.medvqa.plugin.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.medvqa.dicom.source.StudySource;
import org.medvqa.plugin.adapters.RealComponents;
import org.medvqa.plugin.engine.EngineConfig;
import org.medvqa.plugin.engine.InferenceEngine;
import org.medvqa.plugin.model.InvalidModelException;
import org.medvqa.plugin.model.ModelInfo;
import org.medvqa.plugin.model.ModelRegistry;
import org.medvqa.plugin.server.Components;
import org.medvqa.plugin.service.AskResult;
import org.medvqa.plugin.service.ScoreResult;
import org.medvqa.plugin.service.StudyRef;
import org.medvqa.plugin.service.VqaService;

/**
 * medvqa inside a Java viewer: the same service as the REST API (model registry, batching engine,
 * DICOM pipeline, terminology), without HTTP.
 *
 * <pre>{@code
 * try (MedVqa vqa = MedVqa.builder()
 *         .setModelDir(Path.of("plugin/models/default"))
 *         .optStudySource(new DicomWebStudySource(DicomWebConfig.of("http://pacs:8042/dicom-web")))
 *         .optDevice("cpu")
 *         .build()) {
 *   AskResult fromFiles = vqa.ask(Path.of("/data/ct/series-3"), "Is there a nodule in the left lung?");
 *   AskResult fromPacs = vqa.askStudy("1.2.826.0.1.3680043.8.498.1", "Is there a pleural effusion?");
 *   System.out.println(fromPacs.answer() + " (" + fromPacs.reasoning() + ")");
 * }
 * }</pre>
 *
 * <p>Thread-safe: concurrent {@code ask} calls from several viewer threads are batched together.
 * Builder methods follow DJL's convention: {@code setX} required, {@code optX} optional.
 */
public final class MedVqa implements AutoCloseable {
  private final VqaService service;
  private final StudySource source;

  private MedVqa(VqaService service, StudySource source) {
    this.service = service;
    this.source = source;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Asks about a DICOM file, a folder of one series' DICOM files, or a PNG/JPEG image. */
  public AskResult ask(Path fileOrFolder, String question) {
    return service.askUpload(read(fileOrFolder), question, null);
  }

  /** Asks about a study in the study source; the middle slice unless {@code slice} is given. */
  public AskResult askStudy(String studyInstanceUid, String question) {
    return service.askStudy(StudyRef.of(studyInstanceUid), question, null, false);
  }

  /** Asks about one slice of one series of a study in the study source, optionally storing an SR. */
  public AskResult askStudy(StudyRef ref, String question, Integer slice, boolean storeSr) {
    return service.askStudy(ref, question, slice, storeSr);
  }

  /** Reward components of an answer against a reference. */
  public ScoreResult score(String answer, String reference, String question) {
    return service.score(answer, reference, question);
  }

  /** The model answering, with its version and device. */
  public ModelInfo model() {
    return service.registry().activeInfo().orElseThrow();
  }

  /** The underlying service (registry, engine), for viewers that want more control. */
  public VqaService service() {
    return service;
  }

  @Override
  public void close() {
    service.close();
    if (source != null) {
      source.close();
    }
  }

  private static List<byte[]> read(Path fileOrFolder) {
    try {
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(fileOrFolder)) {
        try (Stream<Path> list = Files.list(fileOrFolder)) {
          list.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else {
        files.add(fileOrFolder);
      }
      List<byte[]> bytes = new ArrayList<>();
      for (Path f : files) {
        bytes.add(Files.readAllBytes(f));
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileOrFolder, e);
    }
  }

  /** Builds a {@link MedVqa}; {@link #setModelDir} is required. */
  public static final class Builder {
    private Path modelDir;
    private StudySource source;
    private String device;
    private EngineConfig engine = EngineConfig.defaults();
    private Path workDir;
    private int maxNewTokens = 64;

    private Builder() {}

    /** The model directory to serve (required). */
    public Builder setModelDir(Path dir) {
      this.modelDir = dir;
      return this;
    }

    /** Where {@link MedVqa#askStudy} fetches studies (and stores SRs). */
    public Builder optStudySource(StudySource source) {
      this.source = source;
      return this;
    }

    /** {@code cpu}, {@code gpu} or {@code gpu(1)}; default: the GPU when DJL sees one, else the CPU. */
    public Builder optDevice(String device) {
      this.device = device;
      return this;
    }

    /** Batching, queue and timeout settings. */
    public Builder optEngine(EngineConfig engine) {
      this.engine = engine;
      return this;
    }

    /** Scratch space for files of requests in flight (default: a temporary folder). */
    public Builder optWorkDir(Path dir) {
      this.workDir = dir;
      return this;
    }

    public Builder optMaxNewTokens(int n) {
      this.maxNewTokens = n;
      return this;
    }

    /**
     * Loads the model and starts the engine.
     *
     * @throws IllegalArgumentException when the model directory is missing
     * @throws InvalidModelException when the model directory is refused
     */
    public MedVqa build() throws InvalidModelException {
      if (modelDir == null) {
        throw new IllegalArgumentException("MedVqa.builder(): setModelDir(...) is required");
      }
      if (!Files.isDirectory(modelDir)) {
        throw new IllegalArgumentException("model directory does not exist: " + modelDir);
      }
      if (device != null) {
        System.setProperty("medvqa.device", device);
      }
      try {
        Path work = workDir != null ? workDir : Files.createTempDirectory("medvqa-");
        Components parts = RealComponents.create(source, maxNewTokens);
        ModelRegistry registry = new ModelRegistry(work.resolve("models"), parts.loader());
        String id = "embedded";
        registry.register(id, modelDir);
        registry.activate(id);
        InferenceEngine engine = new InferenceEngine(registry, this.engine);
        VqaService service = new VqaService(registry, engine, parts.decoder(), parts.studies(), parts.concepts(),
            parts.scorer(), parts.srWriter(), work.resolve("scratch"));
        return new MedVqa(service, source);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
