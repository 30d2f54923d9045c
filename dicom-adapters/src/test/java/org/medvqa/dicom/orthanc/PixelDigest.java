package org.medvqa.dicom.orthanc;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of an uncompressed image's stored pixel values (16-bit little endian), whatever the file layout. */
public final class PixelDigest {
  private PixelDigest() {}

  public static String sha256(Path file) throws IOException {
    try {
      AttributeList list = new AttributeList();
      list.read(file.toFile());
      Attribute pixels = list.get(TagFromName.PixelData);
      if (pixels == null) {
        throw new IOException(file + " has no pixel data");
      }
      short[] words = pixels.getShortValues();
      ByteBuffer bytes = ByteBuffer.allocate(words.length * 2).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asShortBuffer().put(words);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    } catch (DicomException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
