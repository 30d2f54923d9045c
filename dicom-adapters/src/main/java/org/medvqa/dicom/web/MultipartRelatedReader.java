package org.medvqa.dicom.web;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cuts a {@code multipart/related} body (RFC 2046) into parts while it streams, holding one buffer of
 * {@value #BUFFER_SIZE} bytes whatever the size of the parts.
 *
 * <p>Each part is {@code CRLF--boundary [whitespace] CRLF headers CRLF CRLF body}; the body ends at the
 * next {@code CRLF--boundary}, and {@code --boundary--} closes the message. The stream is read as if it
 * began with CRLF, so the first delimiter needs no special case. A body is copied out up to the last
 * position where the delimiter can no longer start, so a delimiter split across two reads is still
 * found. A stream that ends before the closing delimiter is an {@link EOFException}: a truncated
 * response is never taken for a complete one.
 *
 * <p>Use: {@code while (reader.nextPart()) { reader.headers(); reader.transferBodyTo(out); }}
 */
public final class MultipartRelatedReader {

  static final int BUFFER_SIZE = 1 << 16;

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf;
  /** Horspool's bad-character table: how far the window may jump given its last byte. */
  private final int[] shift;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean finished;
  private boolean started;
  private boolean bodyPending;
  private Map<String, String> headers = Map.of();

  public MultipartRelatedReader(InputStream in, String boundary) {
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw new IllegalArgumentException("multipart boundary must be 1..70 characters");
    }
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    this.buf = new byte[Math.max(BUFFER_SIZE, delimiter.length * 4)];
    this.shift = new int[256];
    java.util.Arrays.fill(shift, delimiter.length);
    for (int i = 0; i < delimiter.length - 1; i++) {
      shift[delimiter[i] & 0xff] = delimiter.length - 1 - i;
    }
    buf[0] = '\r';
    buf[1] = '\n';
    limit = 2;
  }

  /** The boundary parameter of a {@code Content-Type} value, unquoted. */
  public static String boundaryOf(String contentType) {
    if (contentType == null) {
      throw new IllegalArgumentException("no Content-Type");
    }
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
        String value = p.substring(9).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    throw new IllegalArgumentException("Content-Type has no boundary: " + contentType);
  }

  /**
   * Moves to the next part and reads its headers; false after the closing delimiter. An unread body
   * of the current part is skipped.
   */
  public boolean nextPart() throws IOException {
    if (finished) {
      return false;
    }
    if (bodyPending) {
      transferBodyTo(OutputStream.nullOutputStream());
    } else if (!started) {
      skipPreamble();
      started = true;
    }
    // We stand just after a delimiter: "--" closes, otherwise transport padding then CRLF.
    fill(2);
    if (limit - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
      finished = true;
      return false;
    }
    String line = readLine();
    if (!line.isBlank()) {
      throw new IOException("malformed multipart: unexpected text after boundary: " + abbreviate(line));
    }
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed multipart part header: " + abbreviate(header));
      }
      parsed.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
    }
    headers = parsed;
    bodyPending = true;
    return true;
  }

  /** The current part's headers, names in lower case. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Copies the current part's body to {@code out}; returns its length. */
  public long transferBodyTo(OutputStream out) throws IOException {
    if (!bodyPending) {
      throw new IllegalStateException("no part body to read; call nextPart() first");
    }
    long total = 0;
    while (true) {
      fill(delimiter.length);
      int found = indexOfDelimiter(pos, limit);
      if (found >= 0) {
        out.write(buf, pos, found - pos);
        total += found - pos;
        pos = found + delimiter.length;
        bodyPending = false;
        return total;
      }
      if (eof) {
        throw new EOFException("multipart body ended before its closing boundary (truncated response)");
      }
      // The delimiter cannot start before limit - (delimiter.length - 1): that much is body for sure.
      int safe = limit - (delimiter.length - 1);
      if (safe > pos) {
        out.write(buf, pos, safe - pos);
        total += safe - pos;
        pos = safe;
      }
      compactAndRead();
    }
  }

  private void skipPreamble() throws IOException {
    while (true) {
      fill(delimiter.length);
      int found = indexOfDelimiter(pos, limit);
      if (found >= 0) {
        pos = found + delimiter.length;
        return;
      }
      if (eof) {
        throw new EOFException("multipart body has no boundary " + new String(delimiter, 4, delimiter.length - 4,
            StandardCharsets.US_ASCII));
      }
      pos = Math.max(pos, limit - (delimiter.length - 1));
      compactAndRead();
    }
  }

  /**
   * Boyer-Moore-Horspool: compares from the delimiter's last byte and, on a mismatch, jumps by how far
   * that byte is from the delimiter's end (the whole delimiter length for bytes not in it). On image data
   * this touches about one byte in forty instead of every byte.
   */
  private int indexOfDelimiter(int from, int to) {
    int m = delimiter.length;
    int last = m - 1;
    for (int i = from; i <= to - m; i += shift[buf[i + last] & 0xff]) {
      int j = last;
      while (j >= 0 && buf[i + j] == delimiter[j]) {
        j--;
      }
      if (j < 0) {
        return i;
      }
    }
    return -1;
  }

  /** Reads a header line (up to CRLF, which is consumed), at most 8 KiB. */
  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      fill(2);
      if (limit - pos < 2) {
        throw new EOFException("multipart ended inside part headers (truncated response)");
      }
      if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
        pos += 2;
        return line.toString();
      }
      line.append((char) (buf[pos++] & 0xff));
      if (line.length() > 8192) {
        throw new IOException("malformed multipart: header line longer than 8 KiB");
      }
    }
  }

  /** Makes at least {@code wanted} bytes available after pos, unless the stream ends first. */
  private void fill(int wanted) throws IOException {
    while (limit - pos < wanted && !eof) {
      compactAndRead();
    }
  }

  private void compactAndRead() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return;
    }
    limit += n;
    // Take what has already arrived too (without blocking): fewer, larger writes downstream.
    while (limit < buf.length && in.available() > 0) {
      n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        return;
      }
      limit += n;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
