package org.medvqa.plugin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medvqa.training.phantom.ImageFormat;
import org.medvqa.training.phantom.PhantomConfig;
import org.medvqa.training.phantom.PhantomVqaGenerator;

/**
 * The demo's sample studies: a few PhantomVQA DICOM studies, generated deterministically (fixed seed)
 * into a cache folder on first use instead of being committed. A second run finds them there.
 */
public final class DemoStudies {
  /** Phantoms (= studies) in the demo set. */
  public static final int COUNT = 8;
  public static final long SEED = 20_260_524L;
  public static final int IMAGE_SIZE = 128;

  private DemoStudies() {}

  /** A question of the demo set with its reference answer and the file it is about. */
  public record Sample(Path image, String question, String reference) {}

  /** The dataset folder (with {@code images/}), generating it if it is not there yet. */
  public static Path ensure(Path cacheDir) throws IOException {
    Path dir = cacheDir.resolve("phantomvqa-" + SEED + "-n" + COUNT + "-v" + PhantomVqaGenerator.VERSION);
    if (Files.isRegularFile(dir.resolve("dataset.json"))) {
      return dir;
    }
    PhantomConfig config = PhantomConfig.defaults().withN(COUNT).withSeed(SEED).withImageSize(IMAGE_SIZE);
    new PhantomVqaGenerator(config, ImageFormat.DICOM).generate(dir, PhantomVqaGenerator.Progress.NONE);
    return dir;
  }

  /** The first question of the set (closed questions first: their answers are easiest to judge). */
  public static Sample sample(Path dataset) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Sample first = null;
    for (String split : new String[] {"test.jsonl", "val.jsonl", "train.jsonl"}) {
      Path file = dataset.resolve(split);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line; (line = in.readLine()) != null; ) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode e = json.readTree(line);
          Path image = dataset.resolve(e.get("image").asText());
          Path dcm = image.resolveSibling(image.getFileName().toString().replaceAll("\\.png$", ".dcm"));
          Sample s = new Sample(Files.exists(dcm) ? dcm : image, e.get("question").asText(), e.get("answer").asText());
          if ("closed".equalsIgnoreCase(e.path("type").asText())) {
            return s;
          }
          if (first == null) {
            first = s;
          }
        }
      }
    }
    if (first == null) {
      throw new IOException("the demo set has no questions");
    }
    return first;
  }
}
