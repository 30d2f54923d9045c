package org.medvqa.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DefaultIndexTest {

  @Test
  void builtOnceUnderTheCacheNamedByContentHashThenReused() throws Exception {
    Terminology t = TestTerminology.get();
    Path location = DefaultIndex.location();
    assertThat(location.getParent().toAbsolutePath()).isEqualTo(TestTerminology.CACHE.toAbsolutePath());
    assertThat(location.getFileName().toString()).matches("[0-9a-f]{16}");
    assertThat(DefaultIndex.contentHash()).isEqualTo(location.getFileName().toString());
    long before = Files.getLastModifiedTime(location).toMillis();
    assertThat(DefaultIndex.ensureBuilt()).isEqualTo(location);
    assertThat(Files.getLastModifiedTime(location).toMillis()).isEqualTo(before);
    try (var stream = Files.list(location.getParent())) {
      assertThat(stream.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
    }
    assertThat(t.index().sources()).contains("DICOM PS3.16", "PixelMed anatomy", "medvqa radiology lexicon");
  }

  @Test
  void defaultIndexHoldsAllThreeSourcesMerged() {
    Terminology t = TestTerminology.get();
    Concept lung = t.concept("SCT:39607008").orElseThrow();
    assertThat(lung.kind()).isEqualTo(ConceptKind.ANATOMY);
    assertThat(lung.source()).contains("DICOM PS3.16", "PixelMed anatproc", "medvqa lexicon");
    assertThat(lung.synonyms()).contains("Lung", "pluco", "pulmonary");
    Concept cardiomegaly = t.concept("SCT:287272002").orElseThrow();
    assertThat(cardiomegaly.synonyms()).doesNotContain("Enlarged septal foramen of heart").contains("enlarged heart");
    assertThat(t.concept("MEDVQA:consolidation").orElseThrow().parents()).containsExactly("DCM:112001");
    assertThat(t.index().concepts().size()).isGreaterThan(13_000);
  }

  @Test
  void searchFindsConceptsByTheirSynonyms() {
    assertThat(TestTerminology.get().search("collapsed lung", 3)).extracting(Concept::id).contains("SCT:36118008");
    assertThat(TestTerminology.get().search("", 3)).isEmpty();
  }
}
