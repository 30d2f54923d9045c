package org.medvqa.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.ModelReadyImage;
import org.medvqa.dicom.PreprocessOptions;

class DatasetImagesTest {
  @TempDir Path dir;

  private Path grayPng() throws Exception {
    BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_GRAY);
    for (int x = 0; x < 16; x++) {
      for (int y = 0; y < 8; y++) {
        image.getRaster().setSample(x, y, 0, x * 17); // 0..255 left to right
      }
    }
    Path f = dir.resolve("gray.png");
    ImageIO.write(image, "png", f.toFile());
    return f;
  }

  @Test
  void readsGrayPngAtItsOwnSizeOrResized() throws Exception {
    Path f = grayPng();
    ModelReadyImage own = new DatasetImages(PreprocessOptions.DEFAULT, 1 << 20).load(f);
    assertThat(own.width()).isEqualTo(16);
    assertThat(own.height()).isEqualTo(8);
    assertThat(own.get(0, 0, 0)).isZero();
    assertThat(own.get(15, 7, 0)).isEqualTo(1f);
    ModelReadyImage small = DatasetImages.grayscale(4).load(f);
    assertThat(small.width()).isEqualTo(4);
    assertThat(small.get(0, 0, 0)).isLessThan(small.get(3, 0, 0));
  }

  @Test
  void readsSixteenBitGrayAndColourJpeg() throws Exception {
    BufferedImage deep = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
    deep.getRaster().setSample(1, 1, 0, 65535);
    deep.getRaster().setSample(2, 2, 0, 32768);
    Path png16 = dir.resolve("deep.png");
    ImageIO.write(deep, "png", png16.toFile());
    ModelReadyImage d = new DatasetImages(PreprocessOptions.DEFAULT, 0).load(png16);
    assertThat(d.get(1, 1, 0)).isEqualTo(1f);
    assertThat(d.get(2, 2, 0)).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.001f));

    BufferedImage red = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 8; y++) {
        red.setRGB(x, y, 0xFF0000);
      }
    }
    Path jpg = dir.resolve("red.jpg");
    assertThat(ImageIO.write(red, "jpeg", jpg.toFile())).isTrue();
    ModelReadyImage gray = new DatasetImages(PreprocessOptions.DEFAULT, 0).load(jpg);
    assertThat(gray.channels()).isEqualTo(1);
    assertThat(gray.get(4, 4, 0)).isCloseTo(0.299f, org.assertj.core.data.Offset.offset(0.03f));
    ModelReadyImage rgb = new DatasetImages(PreprocessOptions.DEFAULT.withChannels(3), 0).load(jpg);
    assertThat(rgb.channels()).isEqualTo(3);
    assertThat(rgb.get(4, 4, 0)).isGreaterThan(0.9f);
    assertThat(rgb.get(4, 4, 1)).isLessThan(0.1f);
  }

  @Test
  void decodesEachFileOnceWhileItFitsTheCache() throws Exception {
    Path f = grayPng();
    DatasetImages cached = new DatasetImages(PreprocessOptions.DEFAULT, 1 << 20);
    ModelReadyImage first = cached.load(f);
    assertThat(cached.load(f)).isSameAs(first);
    assertThat(cached.decodes()).isEqualTo(1);
    DatasetImages uncached = new DatasetImages(PreprocessOptions.DEFAULT, 0);
    uncached.load(f);
    uncached.load(f);
    assertThat(uncached.decodes()).isEqualTo(2);
    // A cache for one 16x8 image: loading a second evicts the first.
    Path g = dir.resolve("copy.png");
    Files.copy(f, g);
    DatasetImages one = new DatasetImages(PreprocessOptions.DEFAULT, 4 * 16 * 8);
    one.load(f);
    one.load(g);
    one.load(f);
    assertThat(one.decodes()).isEqualTo(3);
  }

  @Test
  void brokenOrMissingFilesAreDatasetExceptions() throws Exception {
    DatasetImages images = DatasetImages.grayscale(8);
    Path garbage = dir.resolve("garbage.png");
    Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
    assertThatThrownBy(() -> images.load(garbage)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("neither DICOM nor an image format");
    Path truncated = dir.resolve("truncated.png");
    byte[] full = Files.readAllBytes(grayPng());
    Files.write(truncated, java.util.Arrays.copyOf(full, full.length / 2));
    assertThatThrownBy(() -> images.load(truncated)).isInstanceOf(DatasetException.class);
    Path badDicom = dir.resolve("bad.dcm");
    Files.write(badDicom, new byte[200]);
    assertThatThrownBy(() -> images.load(badDicom)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("cannot decode");
    assertThatThrownBy(() -> images.load(dir.resolve("absent.png"))).isInstanceOf(DatasetException.class);
  }
}
