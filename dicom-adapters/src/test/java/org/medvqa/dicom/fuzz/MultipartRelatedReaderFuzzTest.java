package org.medvqa.dicom.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.medvqa.dicom.web.MultipartRelatedReader;

/**
 * Fuzzes the streaming WADO-RS {@code multipart/related} reader with whatever a PACS (or a man in the
 * middle) might send.
 *
 * <p>Input layout: the boundary, a {@code '\n'}, then the message body (no {@code '\n'}: boundary
 * {@code "b"}, all of it is the body). Properties checked on every input:
 * <ul>
 *   <li>only {@link IOException} escapes (and {@link IllegalArgumentException} from the constructor for
 *       a boundary that RFC 2046 forbids): never an index error, never a hang;</li>
 *   <li>the outcome does not depend on how the network chunks the bytes (whole vs 1..7-byte reads);</li>
 *   <li>an accepted message gives exactly the parts a slow whole-message search finds, and no body
 *       contains the delimiter.</li>
 * </ul>
 */
class MultipartRelatedReaderFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void multipartMessages(byte[] input) {
    int newline = indexOf(input, (byte) '\n', 0);
    String boundary = newline < 0 ? "b" : new String(input, 0, newline, StandardCharsets.ISO_8859_1);
    byte[] message = newline < 0 ? input : Arrays.copyOfRange(input, newline + 1, input.length);
    if (boundary.isEmpty() || boundary.length() > 70) {
      try {
        new MultipartRelatedReader(InputStream.nullInputStream(), boundary);
      } catch (IllegalArgumentException expected) {
        return;
      }
      throw new AssertionError("boundary of length " + boundary.length() + " was accepted");
    }

    Outcome whole = read(new ByteArrayInputStream(message), boundary);
    Outcome chunked = read(new TrickleStream(message), boundary);
    assertThat(chunked).as("outcome independent of read sizes").isEqualTo(whole);

    if (whole.failure == null) {
      List<byte[]> expected = naiveSplit(message, boundary);
      assertThat(whole.bodies).as("accepted message split like the naive search").hasSize(expected.size());
      long total = 0;
      byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(whole.bodies.get(i)).as("part %d", i).isEqualTo(expected.get(i));
        assertThat(indexOf(whole.bodies.get(i), delimiter)).as("delimiter inside body %d", i).isEqualTo(-1);
        total += whole.bodies.get(i).length;
      }
      assertThat(total).isLessThanOrEqualTo(message.length);
    }
  }

  /** What a reader made of a message: parts read before the end or the failure, and the failure class. */
  record Outcome(List<Map<String, String>> headers, List<byte[]> bodies, String failure) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Outcome other) || !headers.equals(other.headers) || bodies.size() != other.bodies.size()) {
        return false;
      }
      for (int i = 0; i < bodies.size(); i++) {
        if (!Arrays.equals(bodies.get(i), other.bodies.get(i))) {
          return false;
        }
      }
      return java.util.Objects.equals(failure, other.failure);
    }

    @Override
    public int hashCode() {
      return headers.hashCode();
    }

    @Override
    public String toString() {
      return "Outcome[" + bodies.size() + " parts, headers=" + headers + ", failure=" + failure + "]";
    }
  }

  private static Outcome read(InputStream in, String boundary) {
    List<Map<String, String>> headers = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    try {
      MultipartRelatedReader reader = new MultipartRelatedReader(in, boundary);
      while (reader.nextPart()) {
        headers.add(Map.copyOf(reader.headers()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = reader.transferBodyTo(out);
        assertThat(n).isEqualTo(out.size());
        bodies.add(out.toByteArray());
      }
      return new Outcome(headers, bodies, null);
    } catch (IOException e) {
      return new Outcome(headers, bodies, e.getClass().getName());
    }
  }

  /**
   * The slow, obviously right split of a message the reader accepted: the message is read as if it
   * began with CRLF; each delimiter {@code CRLF--boundary} is followed by {@code --} (end) or by
   * blank padding, CRLF, header lines, an empty line, and a body up to the next delimiter.
   */
  static List<byte[]> naiveSplit(byte[] message, String boundary) {
    String text = "\r\n" + new String(message, StandardCharsets.ISO_8859_1);
    String delimiter = "\r\n--" + boundary;
    List<byte[]> parts = new ArrayList<>();
    int at = text.indexOf(delimiter);
    while (true) {
      int after = at + delimiter.length();
      if (text.startsWith("--", after)) {
        return parts;
      }
      int lineEnd = text.indexOf("\r\n", after);
      int bodyStart;
      if (text.startsWith("\r\n", lineEnd + 2)) {
        bodyStart = lineEnd + 4; // no headers
      } else {
        bodyStart = text.indexOf("\r\n\r\n", lineEnd + 2) + 4;
      }
      int next = text.indexOf(delimiter, bodyStart);
      parts.add(text.substring(bodyStart, next).getBytes(StandardCharsets.ISO_8859_1));
      at = next;
    }
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Hands out 1 to 7 bytes per read, varying with the position, as a slow network would. */
  private static final class TrickleStream extends FilterInputStream {
    private int position;

    TrickleStream(byte[] data) {
      super(new ByteArrayInputStream(data));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, Math.min(len, 1 + (position * 31 + 7) % 7));
      if (n > 0) {
        position += n;
      }
      return n;
    }
  }
}
