package org.medvqa.training.sft;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.medvqa.training.data.DatasetException;
import org.medvqa.training.model.ModelImage;

/**
 * Reads dataset images once each and hands out one shared {@link ModelImage} per file, so questions on
 * the same image share its prefix. PNG and JPEG through ImageIO.
 */
public final class DatasetImages {
  private final Map<Path, ModelImage> cache = new HashMap<>();

  public ModelImage load(Path file) {
    return cache.computeIfAbsent(file.toAbsolutePath().normalize(), DatasetImages::read);
  }

  public static ModelImage read(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".dcm") || name.endsWith(".dicom") || !name.contains(".")) {
      throw new DatasetException("DICOM images are not supported by this reader yet: " + file);
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
