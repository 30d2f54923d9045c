package org.medvqa.training.sft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Draws {@code train/loss} against step from a metrics file. */
final class LossPlots {
  private LossPlots() {}

  static void write(Path metrics, Path png) throws IOException {
    if (!Files.exists(metrics)) {
      return;
    }
    ObjectMapper json = new ObjectMapper();
    List<double[]> points = new ArrayList<>();
    for (String line : Files.readAllLines(metrics)) {
      if (!line.isBlank()) {
        JsonNode n = json.readTree(line);
        points.add(new double[] {n.path("step").asDouble(), n.path("train/loss").asDouble()});
      }
    }
    double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
    LinePlot.write(png, "SFT loss (mean token negative log-likelihood)", "step", "loss",
        List.of(new LinePlot.Series("train loss", x, y, new Color(31, 119, 180))));
  }
}
