package org.medvqa.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DicomImageWriterTest {
  @TempDir Path dir;

  private static DicomImageSpec spec(String modality) {
    short[] pixels = new short[48 * 64];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (short) ((i * 37) % 3000 - (modality.equals("CT") ? 1024 : 0));
    }
    return DicomImageSpec.builder()
        .setPatient(new PatientIdentity("PHANTOM-7", "Phantom^Seven", "19800101", "O"))
        .setStudyInstanceUid(DicomImageSpec.uidFrom("study-7"))
        .setSeriesInstanceUid(DicomImageSpec.uidFrom("series-7-" + modality))
        .setModality(modality)
        .setPixels(48, 64, pixels)
        .optSigned(modality.equals("CT"))
        .optBitsStored(modality.equals("CT") ? 16 : 12)
        .optRescale(modality.equals("CT") ? 1 : 0.5, modality.equals("CT") ? -0.5 : 10)
        .optWindow(new VoiWindow(40, 400))
        .optPixelSpacing(0.7, 0.8)
        .optSliceThickness(2.5)
        .optImagePositionPatient(-100, -120, 35.5)
        .optImageOrientationPatient(new double[] {1, 0, 0, 0, 1, 0})
        .optStudyDate("20240102")
        .optStudyTime("101500")
        .optBodyPartExamined("CHEST")
        .optStudyDescription("PhantomVQA")
        .optSeriesDescription("axial " + modality)
        .optInstanceNumber(3)
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"CT", "MR", "CR", "DX", "OT"})
  void writtenFilesPassDciodvfyAndReadBack(String modality) throws Exception {
    DicomImageSpec spec = spec(modality);
    Path file = dir.resolve(modality + ".dcm");
    String uid = Dicom.writer().write(spec, file);

    List<String> errors = dciodvfy(file).lines().filter(l -> l.startsWith("Error")).toList();
    assertThat(errors).as("dciodvfy errors for " + modality).isEmpty();

    DicomReader.DecodedImage back = Dicom.reader().read(file, 0);
    DicomInfo info = back.info();
    assertThat(info.sopInstanceUid()).isEqualTo(uid);
    assertThat(info.modality()).isEqualTo(modality);
    assertThat(info.sopClassUid()).isEqualTo(switch (modality) {
      case "CT" -> "1.2.840.10008.5.1.4.1.1.2";
      case "MR" -> "1.2.840.10008.5.1.4.1.1.4";
      case "CR" -> "1.2.840.10008.5.1.4.1.1.1";
      default -> "1.2.840.10008.5.1.4.1.1.7";
    });
    assertThat(info.studyInstanceUid()).isEqualTo(spec.studyInstanceUid());
    assertThat(info.seriesInstanceUid()).isEqualTo(spec.seriesInstanceUid());
    assertThat(info.rows()).isEqualTo(48);
    assertThat(info.columns()).isEqualTo(64);
    assertThat(info.bodyPartExamined()).isEqualTo("CHEST");
    assertThat(info.instanceNumber()).isEqualTo(3);
    assertThat(info.rescaleSlope()).isEqualTo(spec.rescaleSlope());
    assertThat(info.rescaleIntercept()).isEqualTo(spec.rescaleIntercept());
    assertThat(info.firstWindow()).isEqualTo(new VoiWindow(40, 400));
    assertThat(info.pixelSpacing()).containsExactly(0.7, 0.8);
    assertThat(info.patient().patientId()).isEqualTo("PHANTOM-7");
    assertThat(info.toString()).doesNotContain("PHANTOM-7").doesNotContain("Phantom^Seven");
    if (modality.equals("CT") || modality.equals("MR")) {
      assertThat(info.imagePositionPatient()).containsExactly(-100, -120, 35.5);
      assertThat(info.sliceThickness()).isEqualTo(2.5);
    }
    int[] expected = new int[spec.pixels().length];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = spec.signed() ? spec.pixels()[i] : spec.pixels()[i] & 0xFFFF;
    }
    assertThat(back.frame().samples()).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CT"})
  void builderNamesWhatIsMissing(String modality) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DicomImageSpec.builder().setModality(modality).build())
        .hasMessageContaining("patient").hasMessageContaining("studyInstanceUid").hasMessageContaining("pixels");
  }

  static String dciodvfy(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("dciodvfy", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("dciodvfy did not finish");
    }
    return out;
  }
}
