package org.medvqa.training.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

/**
 * The model directory of DESIGN.md: {@code config.json} (architecture, tokenizer, preprocessing,
 * provenance, and the SHA-256 of the parameter file), {@code tokenizer.json}, {@code model.safetensors}
 * (parameters + the standardisation images {@code preprocess.mean} / {@code preprocess.std}) and
 * {@code MODEL_CARD.md}. Written into a temporary sibling and renamed into place; on load every file
 * is checked, and a mismatch is refused with a {@link ModelDirectoryException}.
 */
public final class Checkpoint {
  public static final String FORMAT = "medvqa-vqa-model";
  public static final String CONFIG = "config.json";
  public static final String TOKENIZER = "tokenizer.json";
  public static final String PARAMETERS = "model.safetensors";
  public static final String CARD = "MODEL_CARD.md";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Checkpoint() {}

  static void save(VqaModel model, Path dir, Provenance provenance) {
    Path target = dir.toAbsolutePath().normalize();
    Path tmp = null;
    try {
      tmp = AtomicDirectory.temporarySibling(target);
      model.tokenizer().save(tmp.resolve(TOKENIZER));
      Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
      model.parameters().forEach((name, p) ->
          tensors.put(name, new Safetensors.Tensor(p.getArray().getShape().getShape(), p.getArray().toFloatArray())));
      ModelConfig c = model.config();
      long[] imageShape = {c.channels(), c.imageSize(), c.imageSize()};
      tensors.put("preprocess.mean", new Safetensors.Tensor(imageShape, model.preprocessor().mean()));
      tensors.put("preprocess.std", new Safetensors.Tensor(imageShape, model.preprocessor().std()));
      Safetensors.write(tmp.resolve(PARAMETERS), tensors, Map.of("format", FORMAT));

      ObjectNode config = JSON.createObjectNode();
      config.put("format", FORMAT);
      config.put("format_version", 1);
      config.set("architecture", JSON.valueToTree(c));
      ObjectNode tok = config.putObject("tokenizer");
      tok.put("type", "byte-level-bpe");
      tok.put("file", TOKENIZER);
      tok.put("vocab_size", model.tokenizer().vocabSize());
      tok.put("sha256", sha256(tmp.resolve(TOKENIZER)));
      ObjectNode pre = config.putObject("preprocessing");
      pre.put("image_size", c.imageSize());
      pre.put("channels", c.channels());
      pre.put("resize", "bilinear");
      pre.put("standardisation", "(x - preprocess.mean) / (preprocess.std + " + ImagePreprocessor.STD_EPSILON + "), per pixel");
      pre.put("prompt", "<bos> question; response <think>reasoning</think><answer>answer</answer> <eos>");
      ObjectNode params = config.putObject("parameters");
      params.put("file", PARAMETERS);
      params.put("count", model.parameterCount());
      params.put("sha256", sha256(tmp.resolve(PARAMETERS)));
      ObjectNode prov = provenance.toJson();
      prov.put("created", Instant.now().toString());
      config.set("provenance", prov);
      Files.writeString(tmp.resolve(CONFIG), JSON.writeValueAsString(config));
      Files.writeString(tmp.resolve(CARD), ModelCard.render(model, provenance));
      AtomicDirectory.replace(tmp, target);
    } catch (IOException e) {
      if (tmp != null) {
        AtomicDirectory.deleteQuietly(tmp);
      }
      throw new UncheckedIOException("could not write model to " + target, e);
    }
  }

  static VqaModel load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ModelDirectoryException("model directory " + dir + " does not exist");
    }
    for (String name : new String[] {CONFIG, TOKENIZER, PARAMETERS}) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        throw new ModelDirectoryException("model directory " + dir + " is incomplete: " + name + " is missing");
      }
    }
    try {
      JsonNode config;
      try {
        config = JSON.readTree(dir.resolve(CONFIG).toFile());
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        throw new ModelDirectoryException(dir.resolve(CONFIG) + " is not valid JSON");
      }
      if (config == null || !FORMAT.equals(config.path("format").asText())) {
        throw new ModelDirectoryException(dir.resolve(CONFIG) + " is not a medvqa model config");
      }
      checkHash(dir.resolve(TOKENIZER), config.path("tokenizer").path("sha256").asText());
      checkHash(dir.resolve(PARAMETERS), config.path("parameters").path("sha256").asText());
      ModelConfig architecture;
      BpeTokenizer tokenizer;
      Map<String, Safetensors.Tensor> tensors;
      try {
        architecture = JSON.treeToValue(config.path("architecture"), ModelConfig.class);
        tokenizer = BpeTokenizer.load(dir.resolve(TOKENIZER));
        tensors = Safetensors.read(dir.resolve(PARAMETERS));
      } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
        throw new ModelDirectoryException("model directory " + dir + " is corrupt: " + e.getMessage(), e);
      }
      Safetensors.Tensor mean = tensors.remove("preprocess.mean");
      Safetensors.Tensor std = tensors.remove("preprocess.std");
      if (mean == null || std == null) {
        throw new ModelDirectoryException(dir.resolve(PARAMETERS) + " lacks the standardisation images");
      }
      Map<String, float[]> weights = new LinkedHashMap<>();
      tensors.forEach((name, t) -> weights.put(name, t.data()));
      try {
        ImagePreprocessor pre = new ImagePreprocessor(architecture.channels(), architecture.imageSize(), mean.data(), std.data());
        return VqaModel.assemble(architecture, tokenizer, pre, weights);
      } catch (IllegalArgumentException e) {
        throw new ModelDirectoryException("model directory " + dir + " does not match its config: " + e.getMessage(), e);
      }
    } catch (NoSuchFileException e) {
      throw new ModelDirectoryException("model directory " + dir + " is incomplete: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ModelDirectoryException("cannot read model directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The provenance recorded in a model directory's config. */
  public static Provenance provenance(Path dir) throws IOException {
    return Provenance.fromJson(JSON.readTree(dir.resolve(CONFIG).toFile()).path("provenance"));
  }

  private static void checkHash(Path file, String expected) throws IOException {
    if (expected.isEmpty()) {
      throw new ModelDirectoryException(file.getParent().resolve(CONFIG) + " records no checksum for " + file.getFileName());
    }
    if (!expected.equals(sha256(file))) {
      throw new ModelDirectoryException(file + " is corrupt (its SHA-256 does not match config.json)");
    }
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) {
        digest.update(buf, 0, r);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
