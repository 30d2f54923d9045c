package org.medvqa.training.sft;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.medvqa.dicom.PreprocessOptions;
import org.medvqa.training.data.DatasetException;
import org.medvqa.training.model.ModelImage;

/**
 * Reads dataset images once each and hands out one shared {@link ModelImage} per file, so questions on
 * the same image share its prefix. PNG and JPEG through ImageIO; DICOM through the dataset loader's
 * decoder (modality LUT, window, native size: the model resizes).
 */
public final class DatasetImages {
  private static final org.medvqa.training.data.DatasetImages DICOM =
      new org.medvqa.training.data.DatasetImages(PreprocessOptions.DEFAULT, 0);

  private final Map<Path, ModelImage> cache = new HashMap<>();

  public ModelImage load(Path file) {
    return cache.computeIfAbsent(file.toAbsolutePath().normalize(), DatasetImages::read);
  }

  public static ModelImage read(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"))) {
      return ModelImage.fromModelReady(DICOM.load(file));
    }
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw new DatasetException("not a readable image: " + file);
      }
      return ModelImage.fromBufferedImage(image);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + file, e);
    }
  }
}
