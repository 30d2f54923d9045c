package org.medvqa.training.sft;

import java.util.Random;
import org.medvqa.training.model.ModelImage;

/**
 * Label-preserving jitter of a training image: a shift of up to 2 pixels (per 64, edges replicated),
 * gain 1 +- 0.1, offset +- 0.05 and Gaussian noise (sigma 0.02), clamped to [0, 1]. No flips: they
 * would turn left into right. A fresh draw every step keeps a small encoder from memorising the
 * training images instead of learning what the questions ask about; where a model under-fits instead
 * (the default PhantomVQA recipe), it only slows learning, and the recipe leaves it off.
 */
final class ImageAugmenter {
  private ImageAugmenter() {}

  static ModelImage jitter(ModelImage image, Random random) {
    int h = image.height();
    int w = image.width();
    int maxShift = Math.max(1, Math.round(2f * Math.max(h, w) / 64f));
    int dy = random.nextInt(2 * maxShift + 1) - maxShift;
    int dx = random.nextInt(2 * maxShift + 1) - maxShift;
    float gain = 1f + (random.nextFloat() * 2 - 1) * 0.1f;
    float offset = (random.nextFloat() * 2 - 1) * 0.05f;
    float[] in = image.pixels();
    float[] out = new float[in.length];
    for (int c = 0; c < image.channels(); c++) {
      int plane = c * h * w;
      for (int y = 0; y < h; y++) {
        int sy = Math.min(h - 1, Math.max(0, y - dy));
        for (int x = 0; x < w; x++) {
          int sx = Math.min(w - 1, Math.max(0, x - dx));
          float v = in[plane + sy * w + sx] * gain + offset + (float) random.nextGaussian() * 0.02f;
          out[plane + y * w + x] = Math.min(1f, Math.max(0f, v));
        }
      }
    }
    return new ModelImage(image.channels(), h, w, out);
  }
}
