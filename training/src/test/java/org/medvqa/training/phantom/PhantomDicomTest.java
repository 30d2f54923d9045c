package org.medvqa.training.phantom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.ModelReadyImage;
import org.medvqa.training.data.DatasetImages;

/** The DICOM files PhantomVQA writes, read back through dicom-adapters. */
class PhantomDicomTest {
  @TempDir static Path dir;
  static final PhantomConfig CONFIG = PhantomConfig.defaults().withN(12).withSeed(5);
  static Path dicom;
  static Path png;

  @BeforeAll
  static void generate() throws Exception {
    dicom = new PhantomVqaGenerator(CONFIG, ImageFormat.DICOM).generate(dir.resolve("dcm"), PhantomVqaGenerator.Progress.NONE).dir();
    png = new PhantomVqaGenerator(CONFIG, ImageFormat.PNG).generate(dir.resolve("png"), PhantomVqaGenerator.Progress.NONE).dir();
  }

  @Test
  void metadataFollowsThePhantomKind() throws Exception {
    PhantomVqaGenerator generator = new PhantomVqaGenerator(CONFIG, ImageFormat.DICOM);
    Set<String> studies = new HashSet<>();
    Set<PhantomKind> kinds = new HashSet<>();
    for (int i = 0; i < CONFIG.n(); i++) {
      PhantomSpec spec = generator.phantom(i);
      kinds.add(spec.kind());
      DicomInfo info = Dicom.reader().readInfo(dicom.resolve("images/" + spec.id() + ".dcm"));
      assertThat(info.modality()).isEqualTo(spec.kind().dicomModality());
      assertThat(info.bodyPartExamined()).isEqualTo(spec.kind().bodyPart());
      assertThat(info.rows()).isEqualTo(64);
      assertThat(info.rescaleIntercept()).isEqualTo(spec.kind().rescaleIntercept());
      assertThat(info.firstWindow().center()).isEqualTo(spec.kind().windowCenter());
      assertThat(info.pixelSpacing()[0]).isEqualTo(spec.pixelSpacingMm(64));
      assertThat(info.sopClassUid()).isEqualTo(switch (spec.kind().dicomModality()) {
        case "CT" -> "1.2.840.10008.5.1.4.1.1.2";
        case "MR" -> "1.2.840.10008.5.1.4.1.1.4";
        default -> "1.2.840.10008.5.1.4.1.1.1";
      });
      assertThat(info.studyInstanceUid()).startsWith("2.25.");
      studies.add(info.studyInstanceUid());
    }
    assertThat(studies).hasSize(CONFIG.n()); // one study per phantom
    assertThat(kinds).hasSize(PhantomKind.values().length);
  }

  @Test
  void dicomThroughThePipelineMatchesTheWindowedPng() throws Exception {
    DatasetImages images = DatasetImages.grayscale(64);
    DatasetImages pngs = new DatasetImages(org.medvqa.dicom.PreprocessOptions.DEFAULT, 0);
    for (int i = 0; i < CONFIG.n(); i++) {
      String id = String.format("pv-%06d", i);
      ModelReadyImage fromDicom = images.load(dicom.resolve("images/" + id + ".dcm"));
      ModelReadyImage reference = pngs.load(png.resolve("images/" + id + ".png"));
      for (int y = 0; y < 64; y++) {
        for (int x = 0; x < 64; x++) {
          float expected = reference.get(x, y, 0);
          // PS3.3 C.11.2.1.2's linear window differs from the plain (v - low) / width by under a pixel step.
          assertThat(fromDicom.get(x, y, 0)).as("%s (%d,%d)", id, x, y).isCloseTo(expected,
              org.assertj.core.data.Offset.offset(1.5f / 255 + 1f / 4096 * 2));
        }
      }
    }
  }
}
