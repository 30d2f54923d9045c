package org.medvqa.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ImagePipelineTest {
  private static DicomInfo info(String photometric, double slope, double intercept, double[] wc, double[] ww) {
    return new DicomInfo("1.2.840.10008.5.1.4.1.1.2", "CT Image Storage", "1.2.3", "1.2", "1.2.1", "CT",
        TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN, 2, 2, 1, 16, 12, 11, 0, 1, 0, photometric, "", "", "",
        "", 1, 1, null, null, null, Double.NaN, slope, intercept, wc, ww, null, null);
  }

  @Test
  void modalityLutThenTagWindow() {
    DicomInfo info = info("MONOCHROME2", 2, -1000, new double[] {40}, new double[] {401});
    // stored 500 -> 0 HU (inside), 0 -> -1000 (below), 1000 -> 1000 (above), 520 -> 40 (centre)
    DicomFrame frame = new DicomFrame(2, 2, 1, "MONOCHROME2", new int[] {500, 0, 1000, 520});
    ModelReadyImage out = ImagePipeline.defaults().apply(info, frame);
    assertThat(out.pixels()[1]).isEqualTo(0f);
    assertThat(out.pixels()[2]).isEqualTo(1f);
    assertThat((double) out.pixels()[3]).isCloseTo(0.5 + 0.5 / 400, within(1e-6));
    assertThat((double) out.pixels()[0]).isCloseTo((0 - 39.5) / 400 + 0.5, within(1e-6));
  }

  @Test
  void monochrome1IsInverted() {
    DicomInfo info = info("MONOCHROME1", 1, 0, new double[] {50}, new double[] {101});
    // -10 is below the window (0 before inversion), 110 above it (1 before inversion)
    DicomFrame frame = new DicomFrame(2, 2, 1, "MONOCHROME1", new int[] {-10, 110, 50, 50});
    ModelReadyImage out = ImagePipeline.defaults().apply(info, frame);
    assertThat(out.pixels()[0]).isEqualTo(1f);
    assertThat(out.pixels()[1]).isEqualTo(0f);
  }

  @Test
  void percentileWindowWithoutTagsIgnoresOutliers() {
    int n = 100 * 100;
    int[] samples = new int[n];
    for (int i = 0; i < n; i++) {
      samples[i] = i % 1000;
    }
    samples[0] = 60000; // one hot pixel must not set the window
    DicomInfo base = info("MONOCHROME2", 1, 0, null, null);
    DicomInfo info = new DicomInfo(base.sopClassUid(), base.sopClassName(), base.sopInstanceUid(),
        base.studyInstanceUid(), base.seriesInstanceUid(), "MR", base.transferSyntaxUid(), 100, 100, 1, 16,
        16, 15, 0, 1, 0, "MONOCHROME2", "", "", "", "", 1, 1, null, null, null, Double.NaN, 1, 0, null,
        null, null, null);
    ImagePipeline pipeline = ImagePipeline.defaults();
    VoiWindow window = pipeline.windowFor(info, new DicomFrame(100, 100, 1, "MONOCHROME2", samples));
    assertThat(window.center()).isCloseTo(500, within(10.0));
    assertThat(window.width()).isCloseTo(990, within(15.0));
  }

  @Test
  void realCtResizedToRgb() throws IOException {
    DicomReader.DecodedImage image = Dicom.reader().read(Corpora.pydicom("CT_small.dcm"), 0);
    ImagePipeline pipeline = new ImagePipeline(PreprocessOptions.DEFAULT.withSize(64, 32).withChannels(3));
    ModelReadyImage out = pipeline.apply(image.info(), image.frame());
    assertThat(out.width()).isEqualTo(64);
    assertThat(out.height()).isEqualTo(32);
    assertThat(out.channels()).isEqualTo(3);
    float min = 1;
    float max = 0;
    for (int i = 0; i < out.pixels().length; i += 3) {
      assertThat(out.pixels()[i]).isEqualTo(out.pixels()[i + 1]).isEqualTo(out.pixels()[i + 2]);
      min = Math.min(min, out.pixels()[i]);
      max = Math.max(max, out.pixels()[i]);
    }
    assertThat(min).isGreaterThanOrEqualTo(0f);
    assertThat(max).isLessThanOrEqualTo(1f);
    assertThat(max - min).as("a windowed CT uses the range").isGreaterThan(0.5f);
  }

  @Test
  void paddedResizeKeepsAspect() {
    float[] px = new float[40 * 10];
    java.util.Arrays.fill(px, 1f);
    ModelReadyImage wide = new ModelReadyImage(40, 10, 1, px);
    ModelReadyImage out = Resampler.resize(wide, 20, 20, true);
    assertThat(out.get(10, 0, 0)).isEqualTo(0f); // padding above
    assertThat(out.get(10, 10, 0)).isCloseTo(1f, within(1e-6f)); // image in the middle
    assertThat(out.get(10, 19, 0)).isEqualTo(0f); // padding below
  }

  @Test
  void downscaleAveragesInsteadOfAliasing() {
    float[] stripes = new float[64 * 64];
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        stripes[y * 64 + x] = x % 2;
      }
    }
    ModelReadyImage out = Resampler.resize(new ModelReadyImage(64, 64, 1, stripes), 8, 8, false);
    for (float v : out.pixels()) {
      assertThat((double) v).isCloseTo(0.5, within(0.05));
    }
  }

  @Test
  void ybrFullToRgb() {
    DicomInfo base = info("YBR_FULL", 1, 0, null, null);
    DicomInfo info = new DicomInfo(base.sopClassUid(), "", "", "", "", "OT", base.transferSyntaxUid(), 1, 1,
        1, 8, 8, 7, 0, 3, 0, "YBR_FULL", "", "", "", "", 1, 1, null, null, null, Double.NaN, 1, 0, null,
        null, null, null);
    // pure red in YCbCr (JFIF): Y=76, Cb=85, Cr=255
    ModelReadyImage out = new ImagePipeline(PreprocessOptions.DEFAULT.withChannels(3))
        .apply(info, new DicomFrame(1, 1, 3, "YBR_FULL", new int[] {76, 85, 255}));
    assertThat((double) out.pixels()[0]).isCloseTo(1.0, within(0.01));
    assertThat((double) out.pixels()[1]).isCloseTo(0.0, within(0.01));
    assertThat((double) out.pixels()[2]).isCloseTo(0.0, within(0.02));
  }
}
