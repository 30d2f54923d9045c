package org.medvqa.plugin.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.medvqa.plugin.engine.Answered;
import org.medvqa.plugin.engine.InferenceEngine;
import org.medvqa.plugin.model.ModelImage;
import org.medvqa.plugin.model.ModelRegistry;
import org.medvqa.plugin.model.Question;

/**
 * Asking questions about studies: the one service behind the REST API, the embedding API and the demo.
 *
 * <p>A question about uploaded files or a study reference goes: fetch (study source) -> decode (DICOM
 * port, or PNG/JPEG) -> pick a slice (the requested one, else the middle) -> inference engine (batched
 * with concurrent questions) -> split {@code <think>}/{@code <answer>} -> concepts -> optionally an SR
 * stored back to the source. Thread-safe; holds no per-request state.
 */
public final class VqaService implements AutoCloseable {
  /** Longest question accepted, in characters. */
  public static final int MAX_QUESTION_CHARS = 2_000;

  private final ModelRegistry registry;
  private final InferenceEngine engine;
  private final DicomDecoder dicom;
  private final StudyStore studies;
  private final ConceptFinder concepts;
  private final AnswerScorer scorer;
  private final SrWriter srWriter;
  private final Path scratchRoot;

  public VqaService(
      ModelRegistry registry,
      InferenceEngine engine,
      DicomDecoder dicom,
      StudyStore studies,
      ConceptFinder concepts,
      AnswerScorer scorer,
      SrWriter srWriter,
      Path scratchRoot) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.dicom = Objects.requireNonNull(dicom, "dicom");
    this.studies = studies;
    this.concepts = concepts == null ? ConceptFinder.NONE : concepts;
    this.scorer = scorer;
    this.srWriter = srWriter;
    this.scratchRoot = Objects.requireNonNull(scratchRoot, "scratchRoot");
  }

  public ModelRegistry registry() {
    return registry;
  }

  public InferenceEngine engine() {
    return engine;
  }

  /** The configured study source, or null when there is none. */
  public StudyStore studies() {
    return studies;
  }

  /** Asks about uploaded files: DICOM Part-10 files of one series, or one PNG/JPEG image. */
  public AskResult askUpload(List<byte[]> files, String question, Integer slice) {
    String q = requireQuestion(question);
    long t0 = System.nanoTime();
    try (Scratch scratch = new Scratch(scratchRoot)) {
      DecodedStudy study = decodeUpload(files, scratch);
      long t1 = System.nanoTime();
      return answer(study, q, slice, 0, (t1 - t0) / 1_000_000, t0);
    }
  }

  /** Asks about a study in the configured source; with {@code storeSr}, stores the answer as an SR. */
  public AskResult askStudy(StudyRef ref, String question, Integer slice, boolean storeSr) {
    String q = requireQuestion(question);
    StudyStore store = requireStudies();
    if (storeSr && srWriter == null) {
      throw new BadRequestException("this server cannot write SRs (no SR writer configured)");
    }
    long t0 = System.nanoTime();
    try (Scratch scratch = new Scratch(scratchRoot)) {
      List<Path> files = fetch(store, ref, scratch);
      long t1 = System.nanoTime();
      DecodedStudy study = dicom.decode(files);
      long t2 = System.nanoTime();
      AskResult result = answer(study, q, slice, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, t0);
      if (storeSr) {
        Path referenced = study.sourceFiles().get(result.slice());
        SrWriter.WrittenSr sr = srWriter.write(referenced, q, result, scratch.resolve("sr"));
        store.store(sr.file());
        result = result.withSr(sr.sopInstanceUid());
      }
      return result;
    }
  }

  /** Decoded slices of a study in the source (for the web page's viewer), without file references. */
  public DecodedStudy load(StudyRef ref) {
    StudyStore store = requireStudies();
    try (Scratch scratch = new Scratch(scratchRoot)) {
      return dicom.decode(fetch(store, ref, scratch)).imagesOnly();
    }
  }

  /** Decoded uploaded files (for the web page's viewer), without file references. */
  public DecodedStudy decodeUpload(List<byte[]> files) {
    try (Scratch scratch = new Scratch(scratchRoot)) {
      return decodeUpload(files, scratch).imagesOnly();
    }
  }

  private static List<Path> fetch(StudyStore store, StudyRef ref, Scratch scratch) {
    Path dir = scratch.resolve("study");
    List<Path> files = store.instances(ref, dir);
    if (files.isEmpty()) {
      throw new StudyAccessException(StudyAccessException.Kind.NOT_FOUND, "no instances for the study");
    }
    return files;
  }

  private DecodedStudy decodeUpload(List<byte[]> files, Scratch scratch) {
    if (files == null || files.isEmpty()) {
      throw new BadRequestException("no files uploaded (multipart parts named 'files')");
    }
    if (files.size() == 1 && RasterImages.isRaster(files.get(0))) {
      return new DecodedStudy(List.of(RasterImages.decode(files.get(0))), List.of(), "OT");
    }
    for (byte[] f : files) {
      if (RasterImages.isRaster(f)) {
        throw new BadRequestException("upload either DICOM files or a single PNG/JPEG image, not a mix");
      }
    }
    List<Path> paths = new ArrayList<>(files.size());
    try {
      for (int i = 0; i < files.size(); i++) {
        Path p = scratch.resolve(String.format("upload-%05d.dcm", i));
        Files.write(p, files.get(i));
        paths.add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the upload to the scratch folder", e);
    }
    return dicom.decode(paths);
  }

  public ScoreResult score(String answer, String reference, String question) {
    if (scorer == null) {
      throw new IllegalStateException("no reward scorer configured");
    }
    if (answer == null || reference == null) {
      throw new BadRequestException("'answer' and 'reference' are required");
    }
    return scorer.score(answer, reference, question);
  }

  private AskResult answer(DecodedStudy study, String question, Integer slice, long fetchMs, long decodeMs, long t0) {
    int index = slice == null ? study.middle() : slice;
    if (index < 0 || index >= study.slices().size()) {
      throw new BadRequestException("slice " + index + " is out of range 0.." + (study.slices().size() - 1));
    }
    ModelImage image = study.slices().get(index);
    Answered a = engine.answer(new Question(image, question));
    CompletionParser.Parsed parsed = CompletionParser.parse(a.completion());
    List<FoundConcept> answerConcepts = new ArrayList<>(concepts.find(parsed.answer()));
    List<FoundConcept> reasoningConcepts = new ArrayList<>(concepts.find(parsed.reasoning()));
    long total = (System.nanoTime() - t0) / 1_000_000;
    return new AskResult(
        parsed.answer(),
        parsed.reasoning(),
        answerConcepts,
        reasoningConcepts,
        a.model(),
        new AskResult.Timings(fetchMs, decodeMs, a.queuedMillis(), a.inferenceMillis(), a.batchSize(), total),
        index,
        study.slices().size(),
        parsed.wellFormed(),
        null);
  }

  private StudyStore requireStudies() {
    if (studies == null) {
      throw new StudyAccessException(StudyAccessException.Kind.NOT_CONFIGURED, "no study source is configured");
    }
    return studies;
  }

  private static String requireQuestion(String question) {
    if (question == null || question.isBlank()) {
      throw new BadRequestException("'question' is required");
    }
    if (question.length() > MAX_QUESTION_CHARS) {
      throw new BadRequestException("'question' is longer than " + MAX_QUESTION_CHARS + " characters");
    }
    return question.strip();
  }

  @Override
  public void close() {
    engine.close();
    registry.close();
  }
}
