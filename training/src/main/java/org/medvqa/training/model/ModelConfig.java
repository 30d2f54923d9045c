package org.medvqa.training.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The architecture. The image (channels x imageSize x imageSize) is cut into (imageSize/patchSize)^2
 * patches, each a prefix position of the decoder; {@code maxTextTokens} bounds prompt + completion.
 *
 * @param vocabSize the tokenizer's vocabulary size (set from the tokenizer when the model is created)
 */
public record ModelConfig(
    @JsonProperty("name") String name,
    @JsonProperty("image_size") int imageSize,
    @JsonProperty("channels") int channels,
    @JsonProperty("patch_size") int patchSize,
    @JsonProperty("width") int width,
    @JsonProperty("heads") int heads,
    @JsonProperty("encoder_layers") int encoderLayers,
    @JsonProperty("decoder_layers") int decoderLayers,
    @JsonProperty("mlp_ratio") int mlpRatio,
    @JsonProperty("vocab_size") int vocabSize,
    @JsonProperty("max_text_tokens") int maxTextTokens) {

  public ModelConfig {
    require(imageSize > 0 && patchSize > 0 && imageSize % patchSize == 0, "image_size must be a multiple of patch_size");
    require(channels == 1 || channels == 3, "channels must be 1 (grayscale) or 3 (RGB)");
    require(width > 0 && heads > 0 && width % heads == 0, "width must be a multiple of heads");
    require(encoderLayers >= 0 && decoderLayers > 0, "needs at least one decoder layer");
    require(mlpRatio > 0 && maxTextTokens > 1, "mlp_ratio and max_text_tokens must be positive");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("model config: " + message);
    }
  }

  /** For tests: a few thousand parameters, milliseconds per step. */
  public static ModelConfig tiny() {
    return new ModelConfig("tiny", 32, 1, 8, 32, 2, 1, 1, 2, 0, 96);
  }

  /** The CPU default: about a million parameters (FINDINGS.md's measured stand-in). */
  public static ModelConfig small() {
    return new ModelConfig("small", 64, 1, 8, 128, 4, 2, 3, 4, 0, 160);
  }

  /** For a GPU: 128x128 input, 16x16 patches, width 384, 6 + 6 layers. */
  public static ModelConfig base() {
    return new ModelConfig("base", 128, 1, 16, 384, 6, 6, 6, 4, 0, 256);
  }

  public static ModelConfig preset(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "tiny" -> tiny();
      case "small" -> small();
      case "base" -> base();
      default -> throw new IllegalArgumentException("unknown model size '" + name + "' (tiny, small, base)");
    };
  }

  public ModelConfig withVocabSize(int vocab) {
    return new ModelConfig(name, imageSize, channels, patchSize, width, heads, encoderLayers, decoderLayers,
        mlpRatio, vocab, maxTextTokens);
  }

  public int numPatches() {
    return (imageSize / patchSize) * (imageSize / patchSize);
  }

  public int headDim() {
    return width / heads;
  }

  /** Decoder positions: the image prefix then the text. */
  public int maxPositions() {
    return numPatches() + maxTextTokens;
  }
}
