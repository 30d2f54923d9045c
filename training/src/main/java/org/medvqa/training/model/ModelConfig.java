package org.medvqa.training.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The architecture. The image (channels x imageSize x imageSize) is cut into (imageSize/patchSize)^2
 * patches, each a prefix position of the decoder; {@code maxTextTokens} bounds prompt + completion.
 *
 * @param vocabSize the tokenizer's vocabulary size (set from the tokenizer when the model is created)
 * @param stemChannels 0 for a plain linear patch embedding (ViT); otherwise the width of a two-layer
 *     convolutional stem in front of it (3x3 convolutions, the second with stride 2, as in Xiao et al.,
 *     "Early convolutions help transformers see better", 2021): its translation-equivariant filters find
 *     a small lesion wherever it falls in a patch, which a linear embedding learns only from far more images
 * @param detectorChannels 0 for none; otherwise the width F of a pooled convolutional detector that every
 *     text position reads through a question-dependent gate ({@link DetectorFusion}); a multiple of 4
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
    @JsonProperty("max_text_tokens") int maxTextTokens,
    @JsonProperty("stem_channels") int stemChannels,
    @JsonProperty("detector_channels") int detectorChannels) {

  public ModelConfig {
    require(imageSize > 0 && patchSize > 0 && imageSize % patchSize == 0, "image_size must be a multiple of patch_size");
    require(channels == 1 || channels == 3, "channels must be 1 (grayscale) or 3 (RGB)");
    require(width > 0 && heads > 0 && width % heads == 0, "width must be a multiple of heads");
    require(encoderLayers >= 0 && decoderLayers > 0, "needs at least one decoder layer");
    require(mlpRatio > 0 && maxTextTokens > 1, "mlp_ratio and max_text_tokens must be positive");
    require(stemChannels >= 0, "stem_channels must be 0 (no stem) or positive");
    require(stemChannels == 0 || patchSize % 2 == 0, "a convolutional stem (stride 2) needs an even patch_size");
    require(detectorChannels >= 0 && detectorChannels % 4 == 0, "detector_channels must be 0 (none) or a multiple of 4");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("model config: " + message);
    }
  }

  /** For tests: a few thousand parameters, milliseconds per step. */
  public static ModelConfig tiny() {
    return new ModelConfig("tiny", 32, 1, 8, 32, 2, 1, 1, 2, 0, 96, 0, 8);
  }

  /** The CPU default: about a million parameters (FINDINGS.md's measured stand-in), a 16-channel stem, a detector. */
  public static ModelConfig small() {
    return new ModelConfig("small", 64, 1, 8, 128, 4, 2, 3, 4, 0, 160, 16, 128);
  }

  /** For a GPU: 128x128 input, 16x16 patches, width 384, 6 + 6 layers. */
  public static ModelConfig base() {
    return new ModelConfig("base", 128, 1, 16, 384, 6, 6, 6, 4, 0, 256, 32, 256);
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
        mlpRatio, vocab, maxTextTokens, stemChannels, detectorChannels);
  }

  public int numPatches() {
    return (imageSize / patchSize) * (imageSize / patchSize);
  }

  /** Values per patch token before the linear embedding: raw pixels, or stem features at half resolution. */
  public int patchFeatures() {
    return stemChannels == 0 ? channels * patchSize * patchSize : stemChannels * (patchSize / 2) * (patchSize / 2);
  }

  public int headDim() {
    return width / heads;
  }

  /** Decoder positions: the image prefix then the text. */
  public int maxPositions() {
    return numPatches() + maxTextTokens;
  }
}
