package org.medvqa.training.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV parser: comma separated, fields optionally in double quotes, {@code ""} inside
 * quotes for a quote, line breaks allowed inside quotes, CRLF or LF line ends. Each record remembers
 * the line it started on. A quote left open at the end of the input marks that last record broken
 * ({@link Record#unterminated}) instead of throwing.
 */
final class CsvRecords {

  /** One record: its fields, the 1-based line it starts on, and whether its quotes were left open. */
  record Record(List<String> fields, int line, boolean unterminated) {}

  private CsvRecords() {}

  static List<Record> parse(Reader in) throws IOException {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    boolean any = false;
    int line = 1;
    int start = 1;
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\uFEFF' && records.isEmpty() && fields.isEmpty() && field.isEmpty() && !any) {
        continue; // byte-order mark
      }
      any = true;
      if (quoted) {
        if (c == '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          if (afterQuote) {
            field.append('"'); // "" inside a quoted field
          }
          quoted = true;
          afterQuote = false;
        }
        case ',' -> {
          fields.add(field.toString());
          field.setLength(0);
          afterQuote = false;
        }
        case '\r' -> { }
        case '\n' -> {
          fields.add(field.toString());
          field.setLength(0);
          records.add(new Record(List.copyOf(fields), start, false));
          fields.clear();
          afterQuote = false;
          any = false;
          line++;
          start = line;
        }
        default -> {
          field.append((char) c);
          afterQuote = false;
        }
      }
    }
    if (any || !fields.isEmpty() || !field.isEmpty()) {
      fields.add(field.toString());
      records.add(new Record(List.copyOf(fields), start, quoted));
    }
    return records;
  }
}
