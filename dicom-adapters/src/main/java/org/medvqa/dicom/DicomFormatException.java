package org.medvqa.dicom;

import java.io.IOException;

/**
 * The input is not a DICOM object this module can read: not DICOM at all, empty, truncated, a
 * length field that the file cannot hold, a broken codestream, or an unsupported transfer syntax.
 * The message is one line that names the file and the reason; the CLI maps it to exit code 3.
 */
public class DicomFormatException extends IOException {
  public DicomFormatException(String message) {
    super(message);
  }

  public DicomFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
