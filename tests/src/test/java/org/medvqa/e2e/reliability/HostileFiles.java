package org.medvqa.e2e.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Hostile request bodies built in the test: a deflate bomb, multipart forms. */
final class HostileFiles {
  static final String DEFLATED_EXPLICIT_LE = "1.2.840.10008.1.2.1.99";
  private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

  private HostileFiles() {}

  /**
   * A Part-10 file in Deflated Explicit VR Little Endian whose data set is a consistent 16-bit
   * {@code side x side} image of zeros: it inflates to {@code 2 * side^2} bytes (about a thousand times
   * its own size) while every length in it is true.
   */
  static Path deflateBomb(Path file, int side) throws IOException {
    String sop = "1.2.826.0.1.3680043.9.7731.1." + side;
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    element(meta, 0x0002, 0x0001, "OB", new byte[] {0, 1});
    element(meta, 0x0002, 0x0002, "UI", uid(SECONDARY_CAPTURE));
    element(meta, 0x0002, 0x0003, "UI", uid(sop));
    element(meta, 0x0002, 0x0010, "UI", uid(DEFLATED_EXPLICIT_LE));
    element(meta, 0x0002, 0x0012, "UI", uid("1.2.826.0.1.3680043.9.7731"));
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(new byte[128]);
      out.write("DICM".getBytes(StandardCharsets.US_ASCII));
      ByteArrayOutputStream groupLength = new ByteArrayOutputStream();
      element(groupLength, 0x0002, 0x0000, "UL", le32(meta.size()));
      groupLength.writeTo(out);
      meta.writeTo(out);
      Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
      try (DeflaterOutputStream ds = new DeflaterOutputStream(out, deflater, 1 << 16) {
        @Override
        public void close() throws IOException {
          finish();
          def.end(); // leaves the file stream to the outer try
        }
      }) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        element(head, 0x0008, 0x0016, "UI", uid(SECONDARY_CAPTURE));
        element(head, 0x0008, 0x0018, "UI", uid(sop));
        element(head, 0x0008, 0x0060, "CS", "OT".getBytes(StandardCharsets.US_ASCII));
        element(head, 0x0010, 0x0010, "PN", "Bomb^Deflate".getBytes(StandardCharsets.US_ASCII));
        element(head, 0x0020, 0x000D, "UI", uid("1.2.826.0.1.3680043.9.7731.2"));
        element(head, 0x0020, 0x000E, "UI", uid("1.2.826.0.1.3680043.9.7731.3"));
        element(head, 0x0028, 0x0002, "US", le16(1));
        element(head, 0x0028, 0x0004, "CS", "MONOCHROME2 ".getBytes(StandardCharsets.US_ASCII));
        element(head, 0x0028, 0x0010, "US", le16(side));
        element(head, 0x0028, 0x0011, "US", le16(side));
        element(head, 0x0028, 0x0100, "US", le16(16));
        element(head, 0x0028, 0x0101, "US", le16(16));
        element(head, 0x0028, 0x0102, "US", le16(15));
        element(head, 0x0028, 0x0103, "US", le16(0));
        head.writeTo(ds);
        long pixels = 2L * side * side;
        ds.write(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0});
        ds.write(le32((int) pixels));
        byte[] zeros = new byte[1 << 20];
        for (long left = pixels; left > 0; left -= zeros.length) {
          ds.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
      }
    }
    return file;
  }

  private static byte[] uid(String uid) {
    byte[] b = uid.getBytes(StandardCharsets.US_ASCII);
    return b.length % 2 == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1);
  }

  private static byte[] le16(int v) {
    return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
  }

  private static byte[] le32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }

  /** One explicit-VR little-endian element (short-length VRs only, plus OB/OW). */
  private static void element(ByteArrayOutputStream out, int group, int elem, String vr, byte[] value) {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) group).putShort((short) elem).put(vr.getBytes(StandardCharsets.US_ASCII));
    if (vr.equals("OB") || vr.equals("OW")) {
      b.putShort((short) 0).putInt(value.length);
    } else {
      b.putShort((short) value.length);
    }
    out.write(b.array(), 0, b.position());
    out.writeBytes(value);
  }

  /** A multipart/form-data body with boundary {@value #BOUNDARY}: file parts named {@code files}, then the question. */
  static byte[] form(String question, String fileName, byte[]... files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] f : files) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(f);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    if (question != null) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"question\"\r\n\r\n" + question
          + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static final String BOUNDARY = "medvqa-reliability-boundary";
  static final String FORM = "multipart/form-data; boundary=" + BOUNDARY;
}
