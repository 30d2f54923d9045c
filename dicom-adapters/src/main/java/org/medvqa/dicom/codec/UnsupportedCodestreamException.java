package org.medvqa.dicom.codec;

/**
 * A legal codestream using a feature this codec does not implement (say, subsampled components or
 * a restart interval that ends inside a row); another decoder may handle it.
 */
public final class UnsupportedCodestreamException extends CodestreamException {
  public UnsupportedCodestreamException(String message) {
    super(message);
  }
}
