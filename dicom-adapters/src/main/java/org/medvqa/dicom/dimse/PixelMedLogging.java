package org.medvqa.dicom.dimse;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PixelMed logs every PDU and C-STORE at INFO through java.util.logging, and an aborted association at
 * SEVERE even when we closed it on purpose. Everything it reports that matters reaches us as an exception
 * or a status, so its loggers are turned down to OFF unless {@code -Dmedvqa.pixelmed.log=LEVEL} says otherwise.
 */
final class PixelMedLogging {
  /** Held so the configured logger is not garbage-collected (and its level forgotten). */
  private static final Logger PIXELMED = Logger.getLogger("com.pixelmed");

  static {
    PIXELMED.setLevel(Level.parse(System.getProperty("medvqa.pixelmed.log", "OFF")));
  }

  private PixelMedLogging() {}

  static void quiet() {
    // the static initialiser did the work
  }
}
