package org.medvqa.training.phantom;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** 8-bit grayscale PNG after the kind's VOI window (a fallback where DICOM is not wanted). */
final class PngSink implements PhantomImageSink {
  @Override
  public String extension() {
    return "png";
  }

  @Override
  public void write(PhantomSpec spec, short[] stored, int size, long seed, Path file) throws IOException {
    PhantomKind kind = spec.kind();
    double low = kind.windowCenter() - kind.windowWidth() / 2;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = image.getRaster();
    for (int row = 0; row < size; row++) {
      for (int col = 0; col < size; col++) {
        double value = (stored[row * size + col] & 0xFFFF) + kind.rescaleIntercept();
        double t = (value - low) / kind.windowWidth();
        raster.setSample(col, row, 0, (int) Math.round(255 * Math.max(0, Math.min(1, t))));
      }
    }
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer");
    }
  }
}
