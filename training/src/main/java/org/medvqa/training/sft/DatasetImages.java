package org.medvqa.training.sft;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.medvqa.dicom.PreprocessOptions;
import org.medvqa.training.model.ModelImage;

/**
 * Reads dataset images once each and hands out one shared {@link ModelImage} per file, so questions on
 * the same image share its prefix. Decoding is the dataset loader's (DICOM with modality LUT and window;
 * grey PNG/JPEG as stored values; colour as Rec. 601 luminance), the same conversion the plugin applies
 * to uploads, so a model sees at serving time what it saw in training.
 */
public final class DatasetImages {
  private static final org.medvqa.training.data.DatasetImages LOADER =
      new org.medvqa.training.data.DatasetImages(PreprocessOptions.DEFAULT, 0);

  private final Map<Path, ModelImage> cache = new HashMap<>();

  public ModelImage load(Path file) {
    return cache.computeIfAbsent(file.toAbsolutePath().normalize(), DatasetImages::read);
  }

  /** @throws org.medvqa.training.data.DatasetException when the file is missing or not an image medvqa reads */
  public static ModelImage read(Path file) {
    return ModelImage.fromModelReady(LOADER.load(file));
  }
}
