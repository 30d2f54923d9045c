package org.medvqa.training.data;

/**
 * A row a reader skipped, and why.
 *
 * @param file the file name (relative to the dataset root)
 * @param row the 1-based line (JSONL, CSV record) or array index + 1 (JSON) of the row
 * @param kind what is wrong
 * @param message one line for a person
 */
public record RowProblem(String file, int row, Kind kind, String message) {

  /** What is wrong with a row. */
  public enum Kind {
    /** Not parseable: bad JSON/CSV, a missing field, an unknown value. */
    MALFORMED,
    /** The answer is missing or blank. */
    EMPTY_ANSWER,
    /** The image the row names does not exist under the dataset root. */
    MISSING_IMAGE,
    /** The image exists but does not decode (only checked on request: {@code data check --decode}). */
    UNREADABLE_IMAGE
  }

  @Override
  public String toString() {
    return file + ":" + row + ": " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
