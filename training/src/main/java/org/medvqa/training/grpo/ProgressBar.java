package org.medvqa.training.grpo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal stream ({@code \r}-redrawn), by steps or by time, whichever
 * limit is nearer. Off when the stream is null.
 */
public final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final String label;
  private final long startNanos = System.nanoTime();
  private long lastDraw;

  public ProgressBar(PrintStream out, String label) {
    this.out = out;
    this.label = label;
  }

  /** @param fraction done in [0, 1]; @param status a short text after the bar */
  public void update(double fraction, String status) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < 200_000_000L && fraction < 1) {
      return; // at most five redraws a second
    }
    lastDraw = now;
    double f = Math.max(0, Math.min(1, fraction));
    int filled = (int) Math.round(f * WIDTH);
    String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
    double seconds = (now - startNanos) / 1e9;
    out.printf(Locale.ROOT, "\r%s [%s] %3.0f%% %5.0fs %s", label, bar, f * 100, seconds, status);
    out.flush();
  }

  public void finish(String status) {
    if (out != null) {
      lastDraw = 0;
      update(1, status);
      out.println();
    }
  }
}
