package org.medvqa.training.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * PNG and JPEG pixels as the model reads them, for training (dataset files) and serving (uploads)
 * alike, so a model sees the same values in both: grey images keep their stored values,
 * sample / (2^bits - 1); colour becomes Rec. 601 luminance.
 */
public final class RasterFiles {
  private RasterFiles() {}

  /**
   * Reads with the first reader registered for {@code format} ("png", "jpeg"); null when there is none.
   * Not {@code ImageIO.read}: that asks every installed reader whether it can decode the input, and
   * PixelMed's image-IO readers print a line to stdout for each question.
   *
   * @param input a {@link java.io.File} or an {@link java.io.InputStream}
   */
  public static BufferedImage read(Object input, String format) throws IOException {
    return read(input, ImageIO.getImageReadersByFormatName(format));
  }

  /** Like {@link #read(Object, String)}, with the reader registered for a file-name suffix. */
  public static BufferedImage readBySuffix(Object input, String suffix) throws IOException {
    return read(input, ImageIO.getImageReadersBySuffix(suffix));
  }

  private static BufferedImage read(Object input, Iterator<ImageReader> readers) throws IOException {
    if (!readers.hasNext()) {
      return null;
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(input)) {
      reader.setInput(in, true, true);
      return reader.read(0);
    } finally {
      reader.dispose();
    }
  }

  /** One colour component: grey images are read as stored, not through {@code getRGB}'s sRGB gamma. */
  public static boolean isGrey(BufferedImage image) {
    return image.getColorModel().getNumColorComponents() == 1;
  }

  /**
   * The stored grey values of every {@code step}-th pixel in each direction, row-major, in [0, 1]:
   * {@code ceil(width / step) x ceil(height / step)} values.
   */
  public static float[] greyValues(BufferedImage image, int step) {
    int ow = (image.getWidth() + step - 1) / step;
    int oh = (image.getHeight() + step - 1) / step;
    float max = (float) ((1L << image.getColorModel().getComponentSize(0)) - 1);
    Raster raster = image.getRaster();
    float[] values = new float[ow * oh];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        values[y * ow + x] = raster.getSample(x * step, y * step, 0) / max;
      }
    }
    return values;
  }

  /** Rec. 601 luminance of a packed sRGB pixel, in [0, 1]. */
  public static float luminance(int rgb) {
    float r = ((rgb >> 16) & 0xFF) / 255f;
    float g = ((rgb >> 8) & 0xFF) / 255f;
    float b = (rgb & 0xFF) / 255f;
    return Math.min(1f, 0.299f * r + 0.587f * g + 0.114f * b);
  }
}
