package org.medvqa.plugin.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medvqa.plugin.model.ModelImage;

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
}
