package org.medvqa.training.eval;

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

/** Grouped bar chart PNG (Java2D), values in [0, 1]: one group per label, one bar per series. */
final class BarChart {
  record Series(String name, double[] values, Color color) {}

  private BarChart() {}

  static void write(Path png, String title, List<String> labels, List<Series> series) throws IOException {
    int groupWidth = Math.max(60, 22 * series.size() + 24);
    int left = 50;
    int top = 50;
    int bottom = 90;
    int w = Math.max(480, left + 20 + groupWidth * labels.size());
    int h = 400;
    int ph = h - top - bottom;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int i = 0; i <= 4; i++) {
      int y = top + ph - i * ph / 4;
      g.setColor(new Color(230, 230, 230));
      g.drawLine(left, y, w - 20, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.2f", i / 4.0), 10, y + 4);
    }
    for (int l = 0; l < labels.size(); l++) {
      int gx = left + l * groupWidth + 12;
      for (int s = 0; s < series.size(); s++) {
        double v = series.get(s).values()[l];
        if (Double.isNaN(v)) {
          continue;
        }
        int bh = (int) Math.round(Math.max(0, Math.min(1, v)) * ph);
        g.setColor(series.get(s).color());
        g.fillRect(gx + s * 22, top + ph - bh, 18, bh);
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "%.2f", v), gx + s * 22 - 2, top + ph - bh - 3);
      }
      g.setColor(Color.BLACK);
      Graphics2D rotated = (Graphics2D) g.create();
      rotated.rotate(Math.toRadians(30), gx, top + ph + 14);
      rotated.drawString(labels.get(l), gx, top + ph + 14);
      rotated.dispose();
    }
    g.setColor(Color.BLACK);
    g.drawLine(left, top + ph, w - 20, top + ph);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, left, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int lx = w - 170;
    for (int s = 0; s < series.size(); s++) {
      g.setColor(series.get(s).color());
      g.fillRect(lx, 32 + s * 16 - 9, 12, 10);
      g.setColor(Color.BLACK);
      g.drawString(series.get(s).name(), lx + 16, 32 + s * 16);
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }
}
