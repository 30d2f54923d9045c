package org.medvqa.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartRelatedReaderTest {

  private static final String BOUNDARY = "b0undary-42";

  @Test
  void randomPartsSurviveRandomChunkingAndMatchANaiveSplit() throws IOException {
    Random random = new Random(1);
    for (int round = 0; round < 200; round++) {
      List<byte[]> parts = new ArrayList<>();
      int n = random.nextInt(5);
      for (int i = 0; i < n; i++) {
        parts.add(nastyBody(random, random.nextInt(3) == 0 ? random.nextInt(200_000) : random.nextInt(300)));
      }
      byte[] message = message(parts, random.nextBoolean());
      List<byte[]> read = readAll(new ChunkedStream(message, random, 1 + random.nextInt(5000)));
      assertThat(read).as("round %d", round).hasSize(parts.size());
      for (int i = 0; i < parts.size(); i++) {
        assertThat(read.get(i)).as("round %d part %d", round, i).isEqualTo(parts.get(i));
        assertThat(read.get(i)).isEqualTo(naiveSplit(message).get(i));
      }
    }
  }

  @Test
  void headersAreParsedWithLowerCaseNames() throws IOException {
    String body = "--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\nContent-Location: /x\r\n\r\nABC\r\n--"
        + BOUNDARY + "--\r\n";
    MultipartRelatedReader reader = new MultipartRelatedReader(stream(body), BOUNDARY);
    assertThat(reader.nextPart()).isTrue();
    assertThat(reader.headers()).containsEntry("content-type", "application/dicom").containsEntry("content-location", "/x");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(reader.transferBodyTo(out)).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("ABC");
    assertThat(reader.nextPart()).isFalse();
  }

  @Test
  void unreadBodiesAreSkipped() throws IOException {
    byte[] message = message(List.of("one".getBytes(), "two".getBytes(), "three".getBytes()), false);
    MultipartRelatedReader reader = new MultipartRelatedReader(new ByteArrayInputStream(message), BOUNDARY);
    int count = 0;
    while (reader.nextPart()) {
      count++;
    }
    assertThat(count).isEqualTo(3);
  }

  @Test
  void aStreamCutMidBodyIsAnEofNotAShortPart() {
    byte[] message = message(List.of(new byte[5000], new byte[5000]), false);
    byte[] cut = Arrays.copyOf(message, message.length - 3000);
    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(cut)))
        .isInstanceOf(EOFException.class).hasMessageContaining("truncated");
  }

  @Test
  void aStreamWithoutClosingDelimiterIsAnEof() {
    String body = "--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\nABC";
    assertThatThrownBy(() -> readAll(stream(body))).isInstanceOf(EOFException.class);
  }

  @Test
  void boundaryIsTakenFromContentTypeQuotedOrNot() {
    assertThat(MultipartRelatedReader.boundaryOf("multipart/related; type=\"application/dicom\"; boundary=\"a b\""))
        .isEqualTo("a b");
    assertThat(MultipartRelatedReader.boundaryOf("multipart/related;boundary=xyz;type=application/dicom")).isEqualTo("xyz");
    assertThatThrownBy(() -> MultipartRelatedReader.boundaryOf("application/json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static byte[] message(List<byte[]> parts, boolean preamble) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (preamble) {
      out.writeBytes("preamble text\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    for (byte[] part : parts) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(part);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\nepilogue").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** Random bytes salted with CR, LF, dashes and prefixes of the delimiter, the places a parser slips. */
  private static byte[] nastyBody(Random random, int length) {
    byte[] body = new byte[length];
    random.nextBytes(body);
    byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + delimiter.length < length; i += 1 + random.nextInt(100)) {
      int prefix = random.nextInt(delimiter.length); // never the whole delimiter
      System.arraycopy(delimiter, 0, body, i, prefix);
      body[i + prefix] = (byte) ~delimiter[prefix]; // and not completed by chance
    }
    return body;
  }

  private static List<byte[]> readAll(InputStream in) throws IOException {
    MultipartRelatedReader reader = new MultipartRelatedReader(in, BOUNDARY);
    List<byte[]> parts = new ArrayList<>();
    while (reader.nextPart()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      reader.transferBodyTo(out);
      parts.add(out.toByteArray());
    }
    return parts;
  }

  /** The obviously right, slow version: search the whole message for delimiters. */
  private static List<byte[]> naiveSplit(byte[] message) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + BOUNDARY;
    List<byte[]> parts = new ArrayList<>();
    int at = text.indexOf(delimiter);
    while (true) {
      int afterDelimiter = at + delimiter.length();
      if (text.startsWith("--", afterDelimiter)) {
        return parts;
      }
      int bodyStart = text.indexOf("\r\n\r\n", afterDelimiter) + 4;
      int next = text.indexOf("\r\n" + delimiter, bodyStart);
      parts.add(text.substring(bodyStart, next).getBytes(StandardCharsets.ISO_8859_1));
      at = next + 2;
    }
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  /** Returns at most a random number of bytes per read, as a network does. */
  private static final class ChunkedStream extends FilterInputStream {
    private final Random random;
    private final int maxChunk;

    ChunkedStream(byte[] data, Random random, int maxChunk) {
      super(new ByteArrayInputStream(data));
      this.random = random;
      this.maxChunk = maxChunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 1 + random.nextInt(maxChunk)));
    }
  }
}
