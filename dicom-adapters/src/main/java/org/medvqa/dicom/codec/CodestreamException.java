package org.medvqa.dicom.codec;

/** A codestream that breaks its format's rules (truncated, a missing table, a bad marker). */
public class CodestreamException extends Exception {
  public CodestreamException(String message) {
    super(message);
  }
}
