package org.medvqa.training.phantom;

import java.io.IOException;
import java.nio.file.Path;

/** Writes one rendered phantom image to a file. Implementations must be deterministic (no clock, no random UIDs). */
interface PhantomImageSink {
  /** The file extension, without the dot. */
  String extension();

  /**
   * @param spec the phantom
   * @param stored its stored values (see {@link PhantomRenderer}), row-major
   * @param size rows = columns
   * @param seed the dataset seed (UIDs derive from it)
   */
  void write(PhantomSpec spec, short[] stored, int size, long seed, Path file) throws IOException;
}
