package org.medvqa.plugin.service;

/**
 * The study source failed. The kind decides the HTTP status: {@code NOT_FOUND} 404, {@code TIMEOUT}
 * 504, the others 502 (the source, not the caller, is at fault). Messages never carry patient data.
 */
public class StudyAccessException extends RuntimeException {
  /** What went wrong, in the caller's terms. */
  public enum Kind {
    NOT_FOUND,
    UNREACHABLE,
    UNAUTHORIZED,
    TIMEOUT,
    PROTOCOL,
    NOT_CONFIGURED
  }

  private final Kind kind;

  public StudyAccessException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public StudyAccessException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
