package org.medvqa.training.phantom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.medvqa.training.data.DatasetException;
import org.medvqa.training.data.QuestionType;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaExample;
import org.medvqa.training.data.VqaJsonl;

/**
 * Generates a PhantomVQA dataset directory (layout in {@code package-info.java} and
 * {@code training/DATA.md}). Everything is written into a temporary sibling directory and renamed
 * into place at the end, so a crash never leaves half a dataset; an existing non-empty output
 * directory is refused rather than overwritten.
 */
public final class PhantomVqaGenerator {
  public static final String NAME = "PhantomVQA";
  /** Bump when the same seed and knobs would give different files. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Told after each phantom. */
  public interface Progress {
    void phantomDone(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  /**
   * What was written.
   *
   * @param dir the dataset directory
   * @param phantoms phantoms (= images = studies) per split
   * @param questions questions per split
   * @param closedYesRate the share of {@code yes} among closed questions, all splits
   * @param contentSha256 the hash recorded in {@code dataset.json}
   */
  public record Result(Path dir, Map<Split, Integer> phantoms, Map<Split, Integer> questions,
      double closedYesRate, String contentSha256) {

    public int totalQuestions() {
      return questions.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final PhantomConfig config;
  private final ImageFormat format;

  public PhantomVqaGenerator(PhantomConfig config, ImageFormat format) {
    this.config = config;
    this.format = format;
  }

  /** The split of each phantom: a seeded shuffle, then test, validation and training shares. */
  public static Split[] splits(PhantomConfig config) {
    int n = config.n();
    int nTest = (int) Math.round(n * config.testFraction());
    int nVal = (int) Math.round(n * config.valFraction());
    if (n >= 10) {
      nTest = Math.max(nTest, config.testFraction() > 0 ? 1 : 0);
      nVal = Math.max(nVal, config.valFraction() > 0 ? 1 : 0);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = Seeds.stream(config.seed(), -1, Seeds.SPLITS);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    Split[] split = new Split[n];
    for (int k = 0; k < n; k++) {
      split[order[k]] = k < nTest ? Split.TEST : k < nTest + nVal ? Split.VAL : Split.TRAIN;
    }
    return split;
  }

  /** The phantom at an index (the same whatever {@code n} is). */
  public PhantomSpec phantom(int index) {
    return new PhantomSampler(config.prevalence())
        .sample(String.format("pv-%06d", index), index, Seeds.stream(config.seed(), index, Seeds.ANATOMY));
  }

  public Result generate(Path outDir, Progress progress) throws IOException {
    Path target = outDir.toAbsolutePath().normalize();
    if (Files.exists(target) && (!Files.isDirectory(target) || !isEmptyDir(target))) {
      throw new DatasetException(target + " already exists and is not an empty directory; "
          + "choose another --out or remove it");
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path work = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
    try {
      Result r = writeAll(work, target, progress);
      if (Files.exists(target)) {
        Files.delete(target); // empty, checked above
      }
      try {
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(work, target);
      }
      return r;
    } catch (IOException | RuntimeException e) {
      deleteTree(work);
      throw e;
    }
  }

  private Result writeAll(Path work, Path target, Progress progress) throws IOException {
    PhantomImageSink sink = sinkFor(format);
    Files.createDirectories(work.resolve("images"));
    Split[] splits = splits(config);
    QuestionWriter questions = new QuestionWriter(config);
    Map<Split, List<VqaExample>> bySplit = new EnumMap<>(Split.class);
    Map<Split, Integer> phantoms = new EnumMap<>(Split.class);
    for (Split s : Split.values()) {
      bySplit.put(s, new ArrayList<>());
      phantoms.put(s, 0);
    }
    List<ObjectNode> reports = new ArrayList<>();
    for (int i = 0; i < config.n(); i++) {
      PhantomSpec spec = phantom(i);
      String image = "images/" + spec.id() + "." + sink.extension();
      short[] pixels = PhantomRenderer.render(spec, config.imageSize(), Seeds.stream(config.seed(), i, Seeds.NOISE));
      sink.write(spec, pixels, config.imageSize(), config.seed(), work.resolve(image));
      Split split = splits[i];
      bySplit.get(split).addAll(questions.write(spec, image, split, Seeds.stream(config.seed(), i, Seeds.QUESTIONS)));
      phantoms.merge(split, 1, Integer::sum);
      ObjectNode report = JSON.createObjectNode();
      report.put("id", spec.id());
      report.put("image", image);
      report.put("report", Narrator.report(spec));
      report.put("modality", spec.kind().modality());
      report.put("organ", spec.kind().region());
      report.put("split", split.label());
      reports.add(report);
      progress.phantomDone(i + 1, config.n());
    }
    for (Split s : Split.values()) {
      try (Writer out = Files.newBufferedWriter(work.resolve(s.jsonlFileName()), StandardCharsets.UTF_8)) {
        VqaJsonl.write(bySplit.get(s), out);
      }
    }
    try (Writer out = Files.newBufferedWriter(work.resolve("reports.jsonl"), StandardCharsets.UTF_8)) {
      ObjectMapper compact = new ObjectMapper();
      for (ObjectNode r : reports) {
        out.write(compact.writeValueAsString(r));
        out.write('\n');
      }
    }
    String hash = contentHash(work);
    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    bySplit.forEach((s, list) -> counts.put(s, list.size()));
    double yesRate = yesRate(bySplit.values().stream().flatMap(List::stream).toList());
    Files.writeString(work.resolve("dataset.json"), describe(phantoms, bySplit, yesRate, hash) + "\n",
        StandardCharsets.UTF_8);
    return new Result(target, phantoms, counts, yesRate, hash);
  }

  private String describe(Map<Split, Integer> phantoms, Map<Split, List<VqaExample>> bySplit, double yesRate,
      String hash) throws JsonProcessingException {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", NAME);
    root.put("version", VERSION);
    root.put("generator", PhantomVqaGenerator.class.getName() + " v" + VERSION);
    root.put("seed", config.seed());
    ObjectNode knobs = root.putObject("knobs");
    knobs.put("n", config.n());
    knobs.put("image_size", config.imageSize());
    knobs.put("image_format", format.name().toLowerCase(java.util.Locale.ROOT));
    knobs.put("yes_ratio", config.yesRatio());
    knobs.put("paraphrase_rate", config.paraphraseRate());
    knobs.put("val_fraction", config.valFraction());
    knobs.put("test_fraction", config.testFraction());
    ObjectNode prevalence = knobs.putObject("prevalence");
    config.prevalence().forEach((t, p) -> prevalence.put(t.key(), p));
    ObjectNode counts = root.putObject("counts");
    ObjectNode ph = counts.putObject("phantoms");
    phantoms.forEach((s, c) -> ph.put(s.label(), c));
    ObjectNode q = counts.putObject("questions");
    bySplit.forEach((s, list) -> q.put(s.label(), list.size()));
    List<VqaExample> all = bySplit.values().stream().flatMap(List::stream).toList();
    ObjectNode types = counts.putObject("question_types");
    for (QuestionType t : QuestionType.values()) {
      types.put(t.label(), all.stream().filter(e -> e.type() == t).count());
    }
    ObjectNode categories = counts.putObject("categories");
    Map<String, Integer> byCategory = new TreeMap<>();
    all.forEach(e -> byCategory.merge(e.category(), 1, Integer::sum));
    byCategory.forEach(categories::put);
    counts.put("closed_yes_rate", Math.round(yesRate * 10000) / 10000.0);
    root.put("content_sha256", hash);
    root.put("layout", "train.jsonl, val.jsonl, test.jsonl (questions), reports.jsonl (one report per image), "
        + "images/ (one file per phantom); see training/DATA.md");
    return JSON.writeValueAsString(root);
  }

  private static double yesRate(List<VqaExample> all) {
    long closed = all.stream().filter(e -> e.type() == QuestionType.CLOSED).count();
    long yes = all.stream().filter(e -> e.type() == QuestionType.CLOSED && e.answer().equals("yes")).count();
    return closed == 0 ? 0 : (double) yes / closed;
  }

  /**
   * SHA-256 over every file but {@code dataset.json}, in path order: for each, its relative path
   * ({@code /} separators), a NUL byte, its length as 8 bytes, its bytes.
   */
  public static String contentHash(Path dir) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> !dir.relativize(p).toString().equals("dataset.json"))
          .sorted(Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/')))
          .toList();
    }
    byte[] buffer = new byte[1 << 16];
    for (Path f : files) {
      digest.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      long size = Files.size(f);
      for (int i = 7; i >= 0; i--) {
        digest.update((byte) (size >>> (8 * i)));
      }
      try (InputStream in = Files.newInputStream(f)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static PhantomImageSink sinkFor(ImageFormat format) {
    return switch (format) {
      case PNG -> new PngSink();
      case DICOM -> new DicomSink();
    };
  }

  private static boolean isEmptyDir(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // Best effort: the partial directory is hidden (dot name) and says what it is.
    }
  }
}
