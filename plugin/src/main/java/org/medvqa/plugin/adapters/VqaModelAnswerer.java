package org.medvqa.plugin.adapters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvqa.plugin.model.Answerer;
import org.medvqa.plugin.model.InvalidModelException;
import org.medvqa.plugin.model.ModelLoader;
import org.medvqa.plugin.model.Question;
import org.medvqa.training.model.Completion;
import org.medvqa.training.model.GenerationOptions;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.VqaPrompt;

/**
 * The trained {@link VqaModel} behind the {@link Answerer} port: greedy decoding, one batched
 * {@code generate} call per engine batch (the model encodes each image once and decodes the batch
 * together, which is where batching pays). {@code VqaModel} allows one call at a time; the engine's
 * single worker already guarantees that, the lock only makes it explicit.
 */
public final class VqaModelAnswerer implements Answerer {
  /** Longest completion generated, in tokens. */
  public static final int DEFAULT_MAX_NEW_TOKENS = 64;

  private final VqaModel model;
  private final GenerationOptions options;

  public VqaModelAnswerer(VqaModel model, int maxNewTokens) {
    this.model = model;
    this.options = GenerationOptions.greedy(maxNewTokens);
  }

  /** Loads model directories; one that {@code VqaModel.load} refuses is an {@link InvalidModelException}. */
  public static ModelLoader loader(int maxNewTokens) {
    return dir -> new VqaModelAnswerer(load(dir), maxNewTokens);
  }

  static VqaModel load(Path dir) throws InvalidModelException {
    try {
      return VqaModel.load(dir);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new InvalidModelException(why, e);
    }
  }

  @Override
  public List<String> generate(List<Question> batch) {
    List<VqaPrompt> prompts = new ArrayList<>(batch.size());
    for (Question q : batch) {
      var img = q.image();
      prompts.add(new VqaPrompt(new ModelImage(1, img.height(), img.width(), img.pixels()), q.text()));
    }
    List<Completion> completions;
    synchronized (model) {
      completions = model.generate(prompts, options);
    }
    return completions.stream().map(Completion::text).toList();
  }

  @Override
  public String device() {
    ai.djl.Device d = model.device();
    return d.isGpu() ? "gpu" + d.getDeviceId() : d.getDeviceType(); // "cpu" or "gpu0", not DJL's "cpu()"
  }

  @Override
  public void close() {
    synchronized (model) {
      model.close();
    }
  }
}
