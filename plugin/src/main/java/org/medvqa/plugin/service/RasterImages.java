package org.medvqa.plugin.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.medvqa.plugin.model.ModelImage;
import org.medvqa.training.data.RasterFiles;

/**
 * PNG and JPEG uploads to grey-level model images, and model images back to PNG for the web page.
 * Grey images keep their stored values; colour ones become Rec. 601 luminance. Images larger than
 * {@link #MAX_SIDE} are scaled down first, which bounds what later stages hold.
 */
public final class RasterImages {
  static final int MAX_SIDE = 1024;

  private RasterImages() {}

  /** True for the PNG and JPEG signatures. */
  public static boolean isRaster(byte[] bytes) {
    boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
    boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
    return png || jpeg;
  }

  public static ModelImage decode(byte[] bytes) {
    BufferedImage img;
    try {
      img = RasterFiles.read(new ByteArrayInputStream(bytes), bytes[0] == (byte) 0x89 ? "png" : "jpeg");
    } catch (IOException | RuntimeException e) {
      throw new BadRequestException("the uploaded image cannot be decoded", e);
    }
    if (img == null) {
      throw new BadRequestException("the uploaded image cannot be decoded");
    }
    return RasterFiles.isGrey(img) ? grey(img) : luminance(limit(img));
  }

  /** Stored grey values, as training reads them; a whole-pixel stride keeps the side within MAX_SIDE. */
  private static ModelImage grey(BufferedImage img) {
    int step = Math.max(1, (Math.max(img.getWidth(), img.getHeight()) + MAX_SIDE - 1) / MAX_SIDE);
    return new ModelImage((img.getWidth() + step - 1) / step, (img.getHeight() + step - 1) / step,
        RasterFiles.greyValues(img, step));
  }

  private static ModelImage luminance(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    float[] px = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        px[y * w + x] = RasterFiles.luminance(img.getRGB(x, y));
      }
    }
    return new ModelImage(w, h, px);
  }

  /** An 8-bit grey image of a model image (values clamped to [0, 1]). */
  public static BufferedImage toGrey(ModelImage image) {
    BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] data = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
    float[] px = image.pixels();
    for (int i = 0; i < px.length; i++) {
      data[i] = (byte) Math.round(Math.max(0f, Math.min(1f, px[i])) * 255f);
    }
    return out;
  }

  private static BufferedImage limit(BufferedImage img) {
    int side = Math.max(img.getWidth(), img.getHeight());
    if (side <= MAX_SIDE) {
      return img;
    }
    double s = (double) MAX_SIDE / side;
    int w = Math.max(1, (int) Math.round(img.getWidth() * s));
    int h = Math.max(1, (int) Math.round(img.getHeight() * s));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, w, h, null);
    g.dispose();
    return out;
  }
}
