package org.medvqa.training.sft;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A small PNG line chart (Java2D): one or more series against a shared x axis, with axes and labels. */
public final class LinePlot {
  /** One curve. */
  public record Series(String name, double[] x, double[] y, Color color) {}

  private LinePlot() {}

  public static void write(Path png, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
    int w = 720;
    int h = 420;
    int left = 70;
    int right = 20;
    int top = 40;
    int bottom = 50;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isFinite(s.y()[i])) {
          xMin = Math.min(xMin, s.x()[i]);
          xMax = Math.max(xMax, s.x()[i]);
          yMin = Math.min(yMin, s.y()[i]);
          yMax = Math.max(yMax, s.y()[i]);
        }
      }
    }
    if (!Double.isFinite(xMin)) {
      xMin = 0;
      xMax = 1;
      yMin = 0;
      yMax = 1;
    }
    if (xMax == xMin) {
      xMax = xMin + 1;
    }
    if (yMax == yMin) {
      yMax = yMin + 1;
    }
    double pad = 0.05 * (yMax - yMin);
    yMin -= pad;
    yMax += pad;
    int pw = w - left - right;
    int ph = h - top - bottom;
    g.setColor(new Color(230, 230, 230));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int i = 0; i <= 5; i++) {
      int y = top + ph - i * ph / 5;
      g.setColor(new Color(230, 230, 230));
      g.drawLine(left, y, left + pw, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.3g", yMin + i * (yMax - yMin) / 5), 5, y + 4);
      int x = left + i * pw / 5;
      g.drawString(String.format(Locale.ROOT, "%.4g", xMin + i * (xMax - xMin) / 5), x - 10, top + ph + 16);
    }
    g.setColor(Color.BLACK);
    g.drawRect(left, top, pw, ph);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, left, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(xLabel, left + pw / 2 - 20, h - 10);
    g.drawString(yLabel, 5, top - 8);
    int legendY = top + 16;
    for (Series s : series) {
      g.setColor(s.color());
      g.setStroke(new BasicStroke(1.6f));
      int prevX = -1;
      int prevY = -1;
      for (int i = 0; i < s.x().length; i++) {
        if (!Double.isFinite(s.y()[i])) {
          continue;
        }
        int x = left + (int) Math.round((s.x()[i] - xMin) / (xMax - xMin) * pw);
        int y = top + ph - (int) Math.round((s.y()[i] - yMin) / (yMax - yMin) * ph);
        if (prevX >= 0) {
          g.drawLine(prevX, prevY, x, y);
        } else if (s.x().length == 1) {
          g.fillOval(x - 3, y - 3, 6, 6);
        }
        prevX = x;
        prevY = y;
      }
      g.fillRect(left + pw - 150, legendY - 9, 12, 10);
      g.setColor(Color.BLACK);
      g.drawString(s.name(), left + pw - 132, legendY);
      legendY += 16;
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }
}
