package org.medvqa.plugin.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.medvqa.plugin.model.ModelImage;

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
      img = read(bytes, bytes[0] == (byte) 0x89 ? "png" : "jpeg");
    } catch (IOException | RuntimeException e) {
      throw new BadRequestException("the uploaded image cannot be decoded", e);
    }
    if (img == null) {
      throw new BadRequestException("the uploaded image cannot be decoded");
    }
    return img.getColorModel().getNumColorComponents() == 1 ? grey(img) : luminance(limit(img));
  }

  /**
   * Grey PNGs (what PhantomVQA and most exports write) keep their stored values, sample / (2^bits - 1),
   * exactly as training reads them. {@code getRGB} would not do: it converts Java's linear grey colour
   * space to sRGB and so brightens every mid-grey the model was trained on.
   */
  private static ModelImage grey(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    float max = (float) ((1L << img.getColorModel().getComponentSize(0)) - 1);
    java.awt.image.Raster raster = img.getRaster();
    int step = Math.max(1, (Math.max(w, h) + MAX_SIDE - 1) / MAX_SIDE); // a whole-pixel stride bounds the result
    int ow = (w + step - 1) / step;
    int oh = (h + step - 1) / step;
    float[] px = new float[ow * oh];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        px[y * ow + x] = raster.getSample(x * step, y * step, 0) / max;
      }
    }
    return new ModelImage(ow, oh, px);
  }

  private static ModelImage luminance(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    float[] px = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(x, y);
        float r = (rgb >> 16) & 0xff;
        float g = (rgb >> 8) & 0xff;
        float b = rgb & 0xff;
        px[y * w + x] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
      }
    }
    return new ModelImage(w, h, px);
  }

  /**
   * Reads with the first reader registered for the format. Not {@code ImageIO.read}: that asks every
   * installed reader whether it can decode the bytes, and PixelMed's image-IO readers print a line to
   * stdout for each question (hundreds of lines per minute under load).
   */
  private static BufferedImage read(byte[] bytes, String format) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    if (!readers.hasNext()) {
      return null;
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      return reader.read(0);
    } finally {
      reader.dispose();
    }
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
