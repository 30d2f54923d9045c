package org.medvqa.dicom;

/** The pixel data is encoded in a transfer syntax that no available decoder handles. */
public final class UnsupportedTransferSyntaxException extends DicomFormatException {
  private final String transferSyntaxUid;

  public UnsupportedTransferSyntaxException(String transferSyntaxUid, String detail) {
    super("unsupported transfer syntax " + TransferSyntaxes.describe(transferSyntaxUid)
        + (detail == null || detail.isBlank() ? "" : ": " + detail));
    this.transferSyntaxUid = transferSyntaxUid;
  }

  public String transferSyntaxUid() {
    return transferSyntaxUid;
  }
}
