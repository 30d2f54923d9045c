package org.medvqa.plugin.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.medvqa.plugin.model.ModelImage;
import org.medvqa.plugin.service.RasterImages;

/** Model images as PNG bytes for the viewer. */
final class Png {
  private Png() {}

  static byte[] encode(ModelImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(RasterImages.toGrey(image), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
