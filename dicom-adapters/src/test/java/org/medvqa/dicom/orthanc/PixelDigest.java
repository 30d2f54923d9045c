package org.medvqa.dicom.orthanc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.DicomReader;

/**
 * The project's {@code pixels.sha256} of every frame of a file (decoded stored values, so the same
 * image in any lossless transfer syntax digests the same), joined by commas: what a PACS round trip
 * must preserve.
 */
public final class PixelDigest {
  private static final DicomReader READER = Dicom.reader();

  private PixelDigest() {}

  public static String sha256(Path file) throws IOException {
    DicomInfo info = READER.readInfo(file);
    List<String> frames = new ArrayList<>();
    for (int i = 0; i < info.frames(); i++) {
      frames.add(READER.decodeFrame(file, i).sha256());
    }
    if (frames.isEmpty()) {
      throw new IOException(file + " has no pixel data");
    }
    return String.join(",", frames);
  }
}
