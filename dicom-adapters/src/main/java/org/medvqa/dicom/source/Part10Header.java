package org.medvqa.dicom.source;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the File Meta Information (group 0002) of a DICOM Part-10 file: enough to name a received
 * file by its SOP Instance UID without parsing the data set. Group 0002 is always explicit VR little
 * endian, after a 128-byte preamble and "DICM".
 */
public record Part10Header(String mediaStorageSopClassUid, String mediaStorageSopInstanceUid, String transferSyntaxUid) {

  /** Reads the header of {@code file}; an {@link IOException} if it is not a Part-10 file. */
  public static Part10Header read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      return read(raw, file.toString());
    }
  }

  /** Reads the header from the start of a stream; {@code name} is used in error messages. */
  public static Part10Header read(InputStream raw, String name) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1024));
    try {
      in.skipNBytes(128);
      byte[] magic = in.readNBytes(4);
      if (!"DICM".equals(new String(magic, StandardCharsets.US_ASCII))) {
        throw new IOException(name + " is not a DICOM Part-10 file (no DICM prefix)");
      }
      String sopClass = "";
      String sopInstance = "";
      String syntax = "";
      while (true) {
        int group = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        if (group != 0x0002) {
          break;
        }
        int element = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        String vr = new String(in.readNBytes(2), StandardCharsets.US_ASCII);
        long length;
        if (vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT") || vr.equals("UC")
            || vr.equals("UR") || vr.equals("OF") || vr.equals("OD") || vr.equals("OL") || vr.equals("OV")) {
          in.skipNBytes(2);
          length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        } else {
          length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        }
        if (length > 65_536) {
          throw new IOException(name + ": implausible file meta element length " + length);
        }
        byte[] value = in.readNBytes((int) length);
        String text = new String(value, StandardCharsets.US_ASCII).replace("\0", "").strip();
        switch (element) {
          case 0x0002 -> sopClass = text;
          case 0x0003 -> sopInstance = text;
          case 0x0010 -> syntax = text;
          default -> { }
        }
      }
      if (sopInstance.isEmpty()) {
        throw new IOException(name + " has no MediaStorageSOPInstanceUID in its file meta information");
      }
      return new Part10Header(sopClass, sopInstance, syntax);
    } catch (EOFException e) {
      throw new IOException(name + " ends inside its DICOM file meta information", e);
    }
  }
}
