package org.medvqa.training.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomReader;
import org.medvqa.dicom.ImagePipeline;
import org.medvqa.dicom.ModelReadyImage;
import org.medvqa.dicom.PreprocessOptions;
import org.medvqa.dicom.Resampler;

/**
 * Loads dataset images as {@link ModelReadyImage}s (floats in [0,1]) for training and evaluation,
 * decoding each file once: DICOM through dicom-adapters' {@link ImagePipeline} (modality LUT, the
 * object's VOI window, MONOCHROME1 inversion, resize), PNG and JPEG through ImageIO (8- or 16-bit
 * gray scaled to [0,1]; colour to gray by Rec. 601 luma, or kept as RGB with 3 channels).
 *
 * <p>Decoded images are kept in an LRU cache bounded by bytes (4 bytes per float), so an epoch over
 * a few thousand 64x64 questions decodes each image once. Thread-safe.
 */
public final class DatasetImages {
  private final PreprocessOptions options;
  private final ImagePipeline pipeline;
  private final DicomReader reader;
  private final long maxCacheBytes;
  private final LinkedHashMap<Path, ModelReadyImage> cache = new LinkedHashMap<>(256, 0.75f, true);
  private long cachedBytes;
  private long decodes;

  /**
   * @param options size, channels and windowing (see {@link PreprocessOptions})
   * @param maxCacheBytes the cache bound; 0 disables caching
   */
  public DatasetImages(PreprocessOptions options, long maxCacheBytes) {
    this.options = options;
    this.pipeline = new ImagePipeline(options);
    this.reader = Dicom.reader();
    this.maxCacheBytes = maxCacheBytes;
  }

  /** Grayscale, resized to {@code size x size}, the file's own window, a 1 GiB cache. */
  public static DatasetImages grayscale(int size) {
    return new DatasetImages(PreprocessOptions.DEFAULT.withSize(size, size), 1L << 30);
  }

  public PreprocessOptions options() {
    return options;
  }

  /** The image of a question. */
  public ModelReadyImage load(VqaDataset dataset, VqaExample example) {
    return load(dataset.imagePath(example));
  }

  /**
   * The image in a file, from the cache when it was decoded before.
   *
   * @throws DatasetException when the file is missing or is neither DICOM nor an image ImageIO reads
   */
  public ModelReadyImage load(Path file) {
    Path key = file.toAbsolutePath().normalize();
    synchronized (cache) {
      ModelReadyImage hit = cache.get(key);
      if (hit != null) {
        return hit;
      }
    }
    ModelReadyImage image = decode(key);
    synchronized (cache) {
      decodes++;
      long bytes = 4L * image.pixels().length;
      if (bytes <= maxCacheBytes && !cache.containsKey(key)) {
        cache.put(key, image);
        cachedBytes += bytes;
        var it = cache.entrySet().iterator();
        while (cachedBytes > maxCacheBytes && it.hasNext()) {
          Map.Entry<Path, ModelReadyImage> eldest = it.next();
          cachedBytes -= 4L * eldest.getValue().pixels().length;
          it.remove();
        }
      }
    }
    return image;
  }

  /** How many files were decoded so far (cache misses). */
  public long decodes() {
    synchronized (cache) {
      return decodes;
    }
  }

  private ModelReadyImage decode(Path file) {
    try {
      if (isDicom(file)) {
        DicomReader.DecodedImage d = reader.read(file, 0);
        return pipeline.apply(d.info(), d.frame());
      }
      return fromBuffered(readRaster(file));
    } catch (DatasetException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new DatasetException("cannot decode " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a PNG, JPEG (or another format named by the file's suffix) with the reader for that format.
   * Asking ImageIO by format rather than probing every registered reader keeps third-party readers
   * (PixelMed's JPEG-lossless one prints on every probe) out of the way.
   */
  private static BufferedImage readRaster(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(8);
    }
    String format;
    if (head.length >= 4 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
      format = "png";
    } else if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
      format = "jpeg";
    } else {
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      format = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
      if (format.equals("png") || format.startsWith("jp") || !ImageIO.getImageReadersBySuffix(format).hasNext()) {
        throw new DatasetException(file + " is neither DICOM nor an image format medvqa reads (PNG, JPEG)");
      }
    }
    BufferedImage image = format.equals("png") || format.equals("jpeg") ? RasterFiles.read(file.toFile(), format)
        : RasterFiles.readBySuffix(file.toFile(), format);
    if (image == null) {
      throw new DatasetException("no " + format + " reader for " + file);
    }
    return image;
  }

  /** Part 10 ("DICM" after the 128-byte preamble) or a {@code .dcm} name (bare data sets). */
  static boolean isDicom(Path file) throws IOException {
    if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".dcm")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(132);
      return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
    }
  }

  private ModelReadyImage fromBuffered(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    float[] pixels;
    int channels;
    if (RasterFiles.isGrey(image)) {
      pixels = RasterFiles.greyValues(image, 1);
      channels = 1;
    } else {
      channels = options.channels();
      pixels = new float[w * h * channels];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = image.getRGB(x, y);
          int i = (y * w + x) * channels;
          if (channels == 3) {
            pixels[i] = ((rgb >> 16) & 0xFF) / 255f;
            pixels[i + 1] = ((rgb >> 8) & 0xFF) / 255f;
            pixels[i + 2] = (rgb & 0xFF) / 255f;
          } else {
            pixels[i] = RasterFiles.luminance(rgb);
          }
        }
      }
    }
    if (channels != options.channels()) { // gray file, RGB wanted
      float[] rgb = new float[w * h * 3];
      for (int i = 0; i < w * h; i++) {
        rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = pixels[i];
      }
      pixels = rgb;
      channels = 3;
    }
    ModelReadyImage out = new ModelReadyImage(w, h, channels, pixels);
    if (options.width() > 0 && (options.width() != w || options.height() != h)) {
      return Resampler.resize(out, options.width(), options.height(), options.resize() == PreprocessOptions.Resize.PAD);
    }
    return out;
  }
}
