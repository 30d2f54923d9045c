package org.medvqa.e2e.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test ({@code mount -t tmpfs -o size=...}; needs root or CAP_SYS_ADMIN),
 * and a filler file that takes all of its free space. When mounting is impossible the test is skipped
 * with a message saying so: a full disk cannot be faked faithfully without a real file system.
 */
final class SmallTmpfs implements AutoCloseable {
  final Path dir;

  private SmallTmpfs(Path dir) {
    this.dir = dir;
  }

  static SmallTmpfs mount(Path dir, String size) throws Exception {
    Files.createDirectories(dir);
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    Assumptions.assumeTrue(ok, "skipped: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): " + out.strip());
    return new SmallTmpfs(dir);
  }

  /** Writes {@code filler} until the file system is full; returns the bytes written. */
  long fill(Path filler) throws IOException {
    byte[] block = new byte[4096];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        written += block.length;
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
    return written;
  }

  @Override
  public void close() throws Exception {
    new ProcessBuilder("umount", dir.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
  }
}
