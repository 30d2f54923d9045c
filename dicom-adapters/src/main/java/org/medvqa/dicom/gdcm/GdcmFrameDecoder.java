package org.medvqa.dicom.gdcm;

import gdcm.Image;
import gdcm.ImageReader;
import gdcm.PixelFormat;
import java.io.IOException;
import java.nio.file.Path;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomFrame;
import org.medvqa.dicom.FrameDecoder;

/**
 * GDCM's Java binding (Debian {@code libgdcm-java}) as a {@link FrameDecoder}: the fallback for
 * JPEG-LS and 12-bit lossy JPEG, and the peer decoder in the benchmark. GDCM decodes all frames of
 * the file into one buffer (little-endian, frame after frame); this class cuts out the one asked for
 * and turns it into stored values like the PixelMed path does. The native library {@code gdcmjni}
 * is loaded once; without it {@link #available()} is false.
 */
public final class GdcmFrameDecoder implements FrameDecoder {
  /** Loaded on first use only: most files never need GDCM, and loading a native library warns on JDK 24+. */
  private static final class Native {
    static final boolean LOADED = load();
  }

  private static boolean load() {
    try {
      System.loadLibrary("gdcmjni");
      return true;
    } catch (UnsatisfiedLinkError | SecurityException e) {
      return false;
    }
  }

  @Override
  public boolean available() {
    return Native.LOADED;
  }

  @Override
  public DicomFrame decode(Path file, int frameIndex) throws IOException {
    String name = file.getFileName().toString();
    if (!Native.LOADED) {
      throw new IOException("GDCM's native library gdcmjni is not on java.library.path");
    }
    ImageReader reader = new ImageReader();
    try {
      reader.SetFileName(file.toString());
      if (!reader.Read()) {
        throw new DicomFormatException(name + ": GDCM cannot read this file");
      }
      Image image = reader.GetImage();
      int columns = (int) image.GetDimension(0);
      int rows = (int) image.GetDimension(1);
      int frames = image.GetNumberOfDimensions() > 2 ? (int) image.GetDimension(2) : 1;
      if (frameIndex < 0 || frameIndex >= frames) {
        throw new DicomFormatException(name + ": frame " + (frameIndex + 1) + " requested, the object has "
            + frames + " frame(s)");
      }
      PixelFormat format = image.GetPixelFormat();
      int spp = format.GetSamplesPerPixel();
      int bitsAllocated = format.GetBitsAllocated();
      int bitsStored = format.GetBitsStored();
      boolean signed = format.GetPixelRepresentation() == 1;
      format.delete(); // a by-value SWIG copy: freed now, not by a finalizer under load
      long length = image.GetBufferLength();
      long frameBytes = length / frames;
      if (length > Integer.MAX_VALUE) {
        throw new DicomFormatException(name + ": decoded pixel data too large for one buffer");
      }
      byte[] buffer = new byte[(int) length];
      if (!image.GetBuffer(buffer)) {
        throw new DicomFormatException(name + ": GDCM could not decode the pixel data");
      }
      int count = rows * columns * spp;
      int bytesPerSample = bitsAllocated / 8;
      if (bytesPerSample < 1 || (long) count * bytesPerSample > frameBytes) {
        throw new DicomFormatException(name + ": GDCM returned " + length + " bytes for " + frames
            + " frame(s) of " + columns + "x" + rows + "x" + spp + " at " + bitsAllocated + " bits");
      }
      int base = (int) (frameIndex * frameBytes);
      int[] samples = new int[count];
      int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
      for (int i = 0; i < count; i++) {
        int p = base + i * bytesPerSample;
        int raw = switch (bytesPerSample) {
          case 1 -> buffer[p] & 0xFF;
          case 2 -> (buffer[p] & 0xFF) | (buffer[p + 1] & 0xFF) << 8;
          default -> (buffer[p] & 0xFF) | (buffer[p + 1] & 0xFF) << 8 | (buffer[p + 2] & 0xFF) << 16
              | (buffer[p + 3] & 0xFF) << 24;
        };
        int v = raw & mask;
        if (signed && bitsStored < 32 && (v & (1 << (bitsStored - 1))) != 0) {
          v -= 1 << bitsStored;
        }
        samples[i] = v;
      }
      if (spp > 1 && image.GetPlanarConfiguration() == 1) {
        samples = interleave(samples, spp);
      }
      gdcm.PhotometricInterpretation pi = image.GetPhotometricInterpretation();
      String photometric = pi.GetString().strip();
      pi.delete();
      return new DicomFrame(rows, columns, spp, photometric, samples);
    } finally {
      reader.delete();
    }
  }

  private static int[] interleave(int[] planar, int spp) {
    int plane = planar.length / spp;
    int[] out = new int[planar.length];
    for (int i = 0; i < plane; i++) {
      for (int s = 0; s < spp; s++) {
        out[i * spp + s] = planar[s * plane + i];
      }
    }
    return out;
  }
}
