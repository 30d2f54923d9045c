package org.medvqa.training.model;

/** {@code MODEL_CARD.md}: what the model is, where it came from, how it did, and what it must not be used for. */
final class ModelCard {
  private ModelCard() {}

  static String render(VqaModel model, Provenance p) {
    ModelConfig c = model.config();
    return """
        # medvqa model: %s

        %s

        ## Architecture
        - vision encoder: %dx%d x%d channel(s) input, %dx%d patches (%d prefix positions), %d layer(s)
        - text decoder: %d causal layer(s), width %d, %d heads, MLP x%d, tied output head
        - convolutional stem: %s; pooled detector read through a question gate: %s
        - tokenizer: byte-level BPE, %d tokens (`tokenizer.json`)
        - parameters: %,d (`model.safetensors`, float32)
        - input: bilinear resize, then per-pixel standardisation with the training set's mean image and std + 0.05

        ## Provenance
        - parent model: %s
        - training data hash: %s
        - training config: `%s`
        - metrics: `%s`

        ## Intended use and limits
        Research and demonstration of on-site GRPO tuning for medical VQA. Trained on synthetic phantoms,
        not on patient data: its answers say nothing about real studies. Not a medical device; every
        answer is UNVERIFIED and needs a clinician's review.
        """.formatted(c.name(), p.description(), c.imageSize(), c.imageSize(), c.channels(), c.patchSize(),
        c.patchSize(), c.numPatches(), c.encoderLayers(), c.decoderLayers(), c.width(), c.heads(), c.mlpRatio(),
        c.stemChannels() == 0 ? "none" : c.stemChannels() + " channels",
        c.detectorChannels() == 0 ? "none" : c.detectorChannels() + " channels",
        model.tokenizer().vocabSize(), model.parameterCount(), p.parentModel().isEmpty() ? "none (from scratch)" : p.parentModel(),
        p.dataHash().isEmpty() ? "n/a" : p.dataHash(), p.trainingConfig(), p.metrics());
  }
}
