package org.medvqa.training.sft;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr: {@code [#####.....] 50% 200/400 loss 1.23 eta 3m}. Redraws at most 4x a second. */
public final class ProgressBar {
  private final PrintStream out;
  private final String label;
  private final long total;
  private long lastDraw;

  public ProgressBar(PrintStream out, String label, long total) {
    this.out = out;
    this.label = label;
    this.total = Math.max(1, total);
  }

  /** Redraws with {@code done} of {@code total} and a free-text suffix; {@code fraction} may be time-based. */
  public void update(long done, double fraction, String suffix) {
    long now = System.nanoTime();
    if (now - lastDraw < 250_000_000L && fraction < 1.0) {
      return;
    }
    lastDraw = now;
    double f = Math.max(0, Math.min(1, fraction));
    int width = 30;
    int filled = (int) Math.round(f * width);
    out.print(String.format(Locale.ROOT, "\r%s [%s%s] %3.0f%% %d %s", label, "#".repeat(filled), ".".repeat(width - filled),
        100 * f, done, suffix));
    out.flush();
  }

  public void update(long done, String suffix) {
    update(done, done / (double) total, suffix);
  }

  public void finish() {
    out.println();
    out.flush();
  }
}
