package org.medvqa.dicom.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.orthanc.SyntheticStudy;

class LocalFolderStudySourceTest {

  @Test
  void indexesStudiesFindsAndRetrievesThem(@TempDir Path root, @TempDir Path out) throws Exception {
    SyntheticStudy a = SyntheticStudy.write(root.resolve("a"), "PAT-A", 3, 16, 1);
    SyntheticStudy b = SyntheticStudy.write(root.resolve("b/nested"), "PAT-B", 2, 16, 2);
    Files.writeString(root.resolve("notes.txt"), "not DICOM");
    try (LocalFolderStudySource source = new LocalFolderStudySource(root)) {
      assertThat(source.findStudies(StudyQuery.all())).hasSize(2);
      assertThat(source.findStudies(StudyQuery.all().withPatientId("PAT-B"))).singleElement().satisfies(s -> {
        assertThat(s.studyInstanceUID()).isEqualTo(b.studyInstanceUid());
        assertThat(s.numberOfInstances()).isEqualTo(2);
        assertThat(s.modalities()).containsExactly("CT");
        assertThat(s.studyDate()).isEqualTo("20240315");
      });
      assertThat(source.findStudies(StudyQuery.all().withPatientId("PAT-*"))).hasSize(2);
      assertThat(source.findStudies(StudyQuery.all().withStudyDate("20240101-20241231"))).hasSize(2);
      assertThat(source.findStudies(StudyQuery.all().withStudyDate("2025-"))).isEmpty();
      assertThat(source.findStudies(StudyQuery.all().withModality("MR"))).isEmpty();
      assertThat(source.findStudies(StudyQuery.all().withLimit(1))).hasSize(1);
      assertThat(source.findSeries(a.studyInstanceUid())).singleElement()
          .satisfies(s -> assertThat(s.numberOfInstances()).isEqualTo(3));

      RetrievedStudy got = source.retrieve(a.studyInstanceUid(), null, out);
      assertThat(got.files()).hasSize(3);
      for (Path f : got.files()) {
        assertThat(f.getFileName().toString()).isEqualTo(Part10Header.read(f).mediaStorageSopInstanceUid() + ".dcm");
      }
    }
  }

  @Test
  void storedFilesAreIndexedAndUnknownStudiesAreNotFound(@TempDir Path root, @TempDir Path elsewhere, @TempDir Path out) {
    SyntheticStudy s = SyntheticStudy.write(elsewhere, "PAT-S", 2, 16, 3);
    try (LocalFolderStudySource source = new LocalFolderStudySource(root)) {
      assertThat(source.findStudies(StudyQuery.all())).isEmpty();
      source.store(s.files());
      assertThat(source.findStudies(StudyQuery.byStudy(s.studyInstanceUid()))).hasSize(1);
      assertThat(Files.isDirectory(root.resolve(s.studyInstanceUid()))).isTrue();
      assertThatThrownBy(() -> source.retrieve("1.2.3.4", null, out))
          .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(PacsException.Kind.NOT_FOUND));
      assertThatThrownBy(() -> source.store(java.util.List.of(elsewhere.resolve("missing.dcm"))))
          .isInstanceOf(IllegalArgumentException.class);
    }
    try (LocalFolderStudySource reopened = new LocalFolderStudySource(root)) {
      assertThat(reopened.findStudies(StudyQuery.all())).hasSize(1);
    }
  }

  @Test
  void missingFolderIsUnreachable(@TempDir Path root) {
    assertThatThrownBy(() -> new LocalFolderStudySource(root.resolve("nope")))
        .isInstanceOfSatisfying(PacsException.class, e -> assertThat(e.kind()).isEqualTo(PacsException.Kind.UNREACHABLE));
  }

  @Test
  void part10HeaderRejectsNonDicom(@TempDir Path dir) throws Exception {
    Path txt = Files.writeString(dir.resolve("x.txt"), "hello");
    assertThatThrownBy(() -> Part10Header.read(txt)).isInstanceOf(java.io.IOException.class);
  }
}
