package org.medvqa.plugin.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medvqa.dicom.PreprocessOptions;
import org.medvqa.plugin.model.ModelImage;
import org.medvqa.training.data.DatasetImages;

/** PNG and JPEG uploads decoded by the reader registered for their format, grey levels kept. */
class RasterImagesTest {

  static byte[] gradient(String format, int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = (x * 255) / (w - 1);
        img.setRGB(x, y, (v << 16) | (v << 8) | v);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(img, format, out)).isTrue();
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg"})
  void decodesTheUploadToGreyLevels(String format) throws IOException {
    byte[] bytes = gradient(format, 80, 40);
    assertThat(RasterImages.isRaster(bytes)).isTrue();
    ModelImage image = RasterImages.decode(bytes);
    assertThat(image.width()).isEqualTo(80);
    assertThat(image.height()).isEqualTo(40);
    float[] px = image.pixels();
    double tolerance = format.equals("png") ? 1e-6 : 0.03; // JPEG is lossy
    assertThat(px[20 * 80]).isCloseTo(0f, within((float) tolerance));
    assertThat(px[20 * 80 + 79]).isCloseTo(1f, within((float) tolerance));
    assertThat(px[20 * 80 + 40]).isCloseTo(40 * 255 / 79 / 255f, within((float) tolerance));
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg"})
  void aTruncatedUploadIsABadRequest(String format) throws IOException {
    byte[] bytes = Arrays.copyOf(gradient(format, 80, 40), 30);
    assertThatThrownBy(() -> RasterImages.decode(bytes)).isInstanceOf(BadRequestException.class);
  }

  /** The serving path must hand the model what training read from the same file: no sRGB gamma on grey. */
  @ParameterizedTest
  @ValueSource(ints = {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY})
  void greyPngsGiveTheValuesTrainingReadsFromTheSameFile(int type, @TempDir Path tmp) throws IOException {
    BufferedImage ramp = new BufferedImage(64, 32, type);
    int max = type == BufferedImage.TYPE_BYTE_GRAY ? 255 : 65535;
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 64; x++) {
        ramp.getRaster().setSample(x, y, 0, (x * 32 + y) * max / (64 * 32 - 1));
      }
    }
    Path png = tmp.resolve("ramp.png");
    assertThat(ImageIO.write(ramp, "png", png.toFile())).isTrue();

    ModelImage served = RasterImages.decode(Files.readAllBytes(png));
    float[] trained = new DatasetImages(PreprocessOptions.DEFAULT, 0).load(png).pixels();

    assertThat(served.pixels()).containsExactly(trained, within(1e-6f));
    assertThat(served.pixels()[16 * 64 + 32]).as("mid-grey stays mid-grey").isCloseTo(0.5f, within(0.02f));
  }

  @org.junit.jupiter.api.Test
  void aLargeGreyImageIsScaledDownToTheLimit() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(new BufferedImage(3000, 10, BufferedImage.TYPE_BYTE_GRAY), "png", out)).isTrue();
    assertThat(RasterImages.decode(out.toByteArray()).width()).isLessThanOrEqualTo(RasterImages.MAX_SIDE);
  }
}
