package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomImageSpec;
import org.medvqa.dicom.PatientIdentity;
import org.medvqa.dicom.PixelHash;
import org.medvqa.dicom.VoiWindow;

/** {@code medvqa dicom info|render} on real Part-10 files written by the project's writer. */
class DicomCommandTest {
  @TempDir Path dir;
  private Path series;
  private short[] firstPixels;

  @BeforeEach
  void writeSeries() throws Exception {
    series = Files.createDirectories(dir.resolve("study"));
    String study = DicomImageSpec.uidFrom("cli-study");
    String seriesUid = DicomImageSpec.uidFrom("cli-series");
    for (int z = 0; z < 5; z++) {
      short[] pixels = new short[32 * 40];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (short) ((i % 40) * 20 + z * 7 - 500);
      }
      if (z == 0) {
        firstPixels = pixels;
      }
      Dicom.writer().write(DicomImageSpec.builder()
          .setPatient(new PatientIdentity("P-CLI", "Cli^Test", "19900101", "M"))
          .setStudyInstanceUid(study).setSeriesInstanceUid(seriesUid).setModality("CT")
          .setPixels(32, 40, pixels).optSigned(true).optRescale(1, 0).optWindow(new VoiWindow(0, 800))
          .optBodyPartExamined("ABDOMEN").optInstanceNumber(5 - z)
          .optImagePositionPatient(0, 0, 10.0 * z).optImageOrientationPatient(new double[] {1, 0, 0, 0, 1, 0})
          .optSliceThickness(10).build(), series.resolve("slice" + (4 - z) + ".dcm"));
    }
  }

  @Test
  void infoJsonHasTheContractFields() throws Exception {
    CliRun info = CliRun.of("dicom", "info", series.resolve("slice4.dcm").toString(), "--json");
    assertThat(info.code()).as(info.err()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(info.out());
    assertThat(json.get("sopClassUid").asText()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
    assertThat(json.get("modality").asText()).isEqualTo("CT");
    assertThat(json.get("transferSyntaxUid").asText()).isEqualTo("1.2.840.10008.1.2.1");
    assertThat(json.get("rows").asInt()).isEqualTo(32);
    assertThat(json.get("columns").asInt()).isEqualTo(40);
    assertThat(json.get("frames").asInt()).isEqualTo(1);
    assertThat(json.get("bitsStored").asInt()).isEqualTo(16);
    assertThat(json.get("photometricInterpretation").asText()).isEqualTo("MONOCHROME2");
    assertThat(json.get("bodyPartExamined").asText()).isEqualTo("ABDOMEN");
    assertThat(json.get("studyInstanceUid").asText()).isEqualTo(DicomImageSpec.uidFrom("cli-study"));
    assertThat(json.get("seriesInstanceUid").asText()).isEqualTo(DicomImageSpec.uidFrom("cli-series"));
    assertThat(json.get("sopInstanceUid").asText()).startsWith("2.25.");
    // pixels.sha256 by its definition: the stored values as little-endian int32, computed here by hand
    ByteBuffer le = ByteBuffer.allocate(firstPixels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (short v : firstPixels) {
      le.putInt(v);
    }
    String expected = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(le.array()));
    assertThat(json.at("/pixels/sha256").asText()).isEqualTo(expected);
    assertThat(info.out()).doesNotContain("Cli^Test").doesNotContain("P-CLI");
  }

  @Test
  void infoOnAFolderSummarisesTheSeries() throws Exception {
    Files.writeString(series.resolve("README.txt"), "not dicom");
    CliRun info = CliRun.of("dicom", "info", series.toString(), "--json");
    assertThat(info.code()).as(info.err()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(info.out());
    assertThat(json.get("files")).hasSize(5);
    assertThat(json.get("series")).hasSize(1);
    JsonNode s = json.get("series").get(0);
    assertThat(s.get("images").asInt()).isEqualTo(5);
    assertThat(s.get("orderedBy").asText()).isEqualTo("position");
    assertThat(s.get("sliceSpacing").asDouble()).isEqualTo(10.0);
    assertThat(s.at("/representative/file").asText()).endsWith("slice2.dcm");
    assertThat(json.get("skipped")).hasSize(1);
    assertThat(json.at("/files/0/file").asText()).endsWith("slice4.dcm"); // lowest position first

    CliRun text = CliRun.of("dicom", "info", series.toString());
    assertThat(text.code()).isEqualTo(0);
    assertThat(text.out()).contains("1 series, 5 image file(s), 1 skipped").contains("pixels.sha256");
  }

  @Test
  void renderWritesTheWindowedImage() throws Exception {
    Path png = dir.resolve("out/slice.png");
    CliRun render = CliRun.of("dicom", "render", series.resolve("slice4.dcm").toString(), "--out", png.toString());
    assertThat(render.code()).as(render.err()).isEqualTo(0);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(40);
    assertThat(image.getHeight()).isEqualTo(32);
    // window 0/800: stored -500 (x=0) is below the window -> black; 280 (x=39) -> (280+0.5)/799+0.5
    assertThat(image.getRaster().getSample(0, 0, 0)).isEqualTo(0);
    assertThat(image.getRaster().getSample(39, 0, 0)).isEqualTo(Math.round(((280 + 0.5) / 799 + 0.5) * 255));
  }

  @Test
  void badInputExitsThreeWithOneLine() throws Exception {
    byte[] bytes = Files.readAllBytes(series.resolve("slice0.dcm"));
    Path cut = Files.write(dir.resolve("cut.dcm"), Arrays.copyOf(bytes, bytes.length / 2));
    Path empty = Files.createFile(dir.resolve("empty.dcm"));
    Path text = Files.writeString(dir.resolve("notes.dcm"), "hello, this is not a DICOM file at all");
    for (Path bad : new Path[] {cut, empty, text}) {
      CliRun info = CliRun.of("dicom", "info", bad.toString());
      assertThat(info.code()).as(bad.toString()).isEqualTo(3);
      assertThat(info.err().strip().lines().count()).as(info.err()).isEqualTo(1);
      assertThat(info.err()).startsWith("medvqa: ").doesNotContain("Exception");
    }
    CliRun frame = CliRun.of("dicom", "render", series.resolve("slice0.dcm").toString(), "--out",
        dir.resolve("x.png").toString(), "--frame", "2");
    assertThat(frame.code()).isEqualTo(3);
    assertThat(frame.err()).contains("frame 2 requested");
    assertThat(CliRun.of("dicom", "info", dir.resolve("missing.dcm").toString()).code()).isEqualTo(3);
    assertThat(CliRun.of("dicom", "info", Files.createDirectories(dir.resolve("emptydir")).toString()).code()).isEqualTo(3);
  }
}
