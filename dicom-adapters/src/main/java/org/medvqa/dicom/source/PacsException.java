package org.medvqa.dicom.source;

/**
 * Anything that went wrong while talking to a study source, with a {@link Kind} that says what, so a
 * REST layer maps it to one status (UNREACHABLE/PROTOCOL 502, TIMEOUT 504, NOT_FOUND 404,
 * UNAUTHORIZED 502 or 401) and the CLI to exit code 3 with {@link #getMessage()} as its one line.
 * The message names the source and never contains credentials.
 */
public final class PacsException extends RuntimeException {

  /** What went wrong, coarse enough for a caller to act on. */
  public enum Kind {
    /** Connection refused, unknown host, association rejected at the network level. */
    UNREACHABLE,
    /** 401/403, or an association rejected for the calling AE title. */
    UNAUTHORIZED,
    /** The study, series or instance is not at the source. */
    NOT_FOUND,
    /** No answer, or no progress, within the configured time. */
    TIMEOUT,
    /** The source answered with something we cannot use: a 4xx/5xx, a truncated or malformed body, a failed DIMSE status. */
    PROTOCOL
  }

  private final Kind kind;

  public PacsException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public PacsException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
