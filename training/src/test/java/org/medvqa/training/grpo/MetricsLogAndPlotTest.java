package org.medvqa.training.grpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogAndPlotTest {

  @Test
  void metricsAppendAcrossResumesAndTheLastWriteOfAStepWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("metrics.jsonl");
    try (var log = new MetricsLog(file)) {
      log.write(1, Map.of("reward/accuracy", 0.5));
      log.write(2, Map.of("reward/accuracy", 0.6));
    }
    try (var log = new MetricsLog(file)) { // resumed from the step-1 checkpoint
      log.write(2, Map.of("reward/accuracy", 0.7, "objective/kl", Double.NaN));
      log.write(3, Map.of("reward/accuracy", 0.8));
    }
    var rows = MetricsLog.read(file);
    assertThat(MetricsLog.column(rows, "step")).containsExactly(1, 2, 3);
    assertThat(MetricsLog.column(rows, "reward/accuracy")).containsExactly(0.5, 0.7, 0.8);
    assertThat(MetricsLog.column(rows, "objective/kl")[1]).isNaN();
  }

  @Test
  void plotIsAPngWithEachSeriesDrawnInItsColour(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("curves/reward.png");
    new CurvePlot("reward", "step", "mean reward")
        .add("accuracy", new double[] {0, 1, 2}, new double[] {0.2, 0.5, 0.9})
        .add("format", new double[] {0, 2}, new double[] {1, Double.NaN})
        .write(png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(800);
    int blue = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xffffff) == 0x1f77b4) {
          blue++;
        }
      }
    }
    assertThat(blue).as("pixels of the first series' line").isGreaterThan(200);
  }
}
