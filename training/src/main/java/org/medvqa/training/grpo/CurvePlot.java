package org.medvqa.training.grpo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A line chart of one or more series against a shared x axis, written as PNG with plain Java2D.
 * Series may differ in length and x values; NaN points are skipped.
 */
public final class CurvePlot {
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)
  };
  private static final int WIDTH = 800;
  private static final int HEIGHT = 480;
  private static final int LEFT = 70;
  private static final int RIGHT = 190;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  /** One named line: points (x[i], y[i]). */
  public record Series(String name, double[] x, double[] y) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
      }
    }
  }

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();

  public CurvePlot(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  public CurvePlot add(String name, double[] x, double[] y) {
    series.add(new Series(name, x, y));
    return this;
  }

  /** Draws the chart and writes it atomically (temporary file, then rename). */
  public void write(Path png) throws IOException {
    BufferedImage image = render();
    Path dir = png.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".plot", ".png");
    ImageIO.write(image, "png", tmp.toFile());
    Files.move(tmp, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  BufferedImage render() {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double[] range = range();
    double x0 = range[0], x1 = range[1], y0 = range[2], y1 = range[3];
    int pw = WIDTH - LEFT - RIGHT;
    int ph = HEIGHT - TOP - BOTTOM;

    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, LEFT, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawRect(LEFT, TOP, pw, ph);
    for (int i = 0; i <= 4; i++) {
      int py = TOP + ph - i * ph / 4;
      int px = LEFT + i * pw / 4;
      g.setColor(new Color(0xe0e0e0));
      g.drawLine(LEFT + 1, py, LEFT + pw - 1, py);
      g.setColor(Color.DARK_GRAY);
      g.drawString(label(y0 + i * (y1 - y0) / 4), 8, py + 4);
      g.drawString(label(x0 + i * (x1 - x0) / 4), px - 12, TOP + ph + 16);
    }
    g.drawString(xLabel, LEFT + pw / 2 - 20, HEIGHT - 12);
    g.drawString(yLabel, 8, TOP - 8);

    g.setStroke(new BasicStroke(2f));
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      g.setColor(PALETTE[s % PALETTE.length]);
      int prevX = -1, prevY = -1;
      for (int i = 0; i < line.x().length; i++) {
        if (!Double.isFinite(line.y()[i]) || !Double.isFinite(line.x()[i])) {
          prevX = -1;
          continue;
        }
        int px = LEFT + (int) Math.round((line.x()[i] - x0) / (x1 - x0) * pw);
        int py = TOP + ph - (int) Math.round((line.y()[i] - y0) / (y1 - y0) * ph);
        if (prevX >= 0) {
          g.drawLine(prevX, prevY, px, py);
        } else {
          g.fillOval(px - 2, py - 2, 4, 4);
        }
        prevX = px;
        prevY = py;
      }
      int ly = TOP + 14 + s * 18;
      g.drawLine(LEFT + pw + 12, ly - 4, LEFT + pw + 32, ly - 4);
      g.setColor(Color.BLACK);
      g.drawString(line.name(), LEFT + pw + 38, ly);
    }
    g.dispose();
    return image;
  }

  /** [xmin, xmax, ymin, ymax] over finite points, widened where empty or flat. */
  private double[] range() {
    double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
          x0 = Math.min(x0, s.x()[i]);
          x1 = Math.max(x1, s.x()[i]);
          y0 = Math.min(y0, s.y()[i]);
          y1 = Math.max(y1, s.y()[i]);
        }
      }
    }
    if (x0 > x1) {
      return new double[] {0, 1, 0, 1};
    }
    if (x1 - x0 < 1e-12) {
      x1 = x0 + 1;
    }
    double pad = Math.max(1e-6, (y1 - y0) * 0.05);
    return new double[] {x0, x1, y0 - pad, y1 + pad};
  }

  private static String label(double v) {
    return Math.abs(v) >= 1000 || v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.3g", v);
  }
}
