package org.medvqa.dicom.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.DicomReader;
import org.medvqa.dicom.ImagePipeline;
import org.medvqa.dicom.ModelReadyImage;

/**
 * Fuzzes DICOM reading and decoding end to end: metadata, frame 1 decoded in whatever transfer syntax
 * the bytes claim (native, deflate, RLE, JPEG, JPEG-LS, JPEG 2000; GDCM as the fallback), and the
 * model-ready image (modality LUT, VOI window, photometric conversion, resize).
 *
 * <p>The bytes are written to a scratch file (the reader's interface is a file). Seeds are tiny
 * synthetic images in every transfer syntax ({@code tests/reliability/make-dicom-seeds}). Properties:
 * <ul>
 *   <li>a bad file is refused with {@link DicomFormatException} (the reader's contract for "not a
 *       readable DICOM object"), never another exception, an error or a hang; run with a small heap
 *       ({@code tests/reliability/fuzz} uses 384 MB) an allocation the file cannot justify is an
 *       {@link OutOfMemoryError} and so a finding;</li>
 *   <li>a refusal's message names no patient: the seeds' patient name and ID never appear in it;</li>
 *   <li>a decoded image has the declared size, and the model-ready pixels are finite and in [0, 1].</li>
 * </ul>
 */
class DicomReadingFuzzTest {
  private static final DicomReader READER = Dicom.reader();
  private static final ImagePipeline PIPELINE = ImagePipeline.defaults();
  private static Path scratch;

  @FuzzTest(maxDuration = "2m")
  void dicomFiles(byte[] input) throws IOException {
    Path file = scratch();
    Files.write(file, input);
    DicomReader.DecodedImage decoded;
    try {
      DicomInfo info = READER.readInfo(file);
      assertThat(info).isNotNull();
      decoded = READER.read(file, 0);
    } catch (DicomFormatException refused) {
      assertThat(refused.getMessage()).as("refusal message").isNotBlank()
          .doesNotContain("FUZZ^SEED", "FUZZ SEED", "SEED-0");
      return;
    }
    DicomInfo info = decoded.info();
    assertThat(decoded.frame().rows()).isEqualTo(info.rows());
    assertThat(decoded.frame().columns()).isEqualTo(info.columns());
    ModelReadyImage image = PIPELINE.apply(info, decoded.frame());
    for (float v : image.pixels()) {
      assertThat(v).as("model-ready pixel").isBetween(0f, 1f);
    }
  }

  private static Path scratch() throws IOException {
    if (scratch == null) {
      scratch = Files.createTempFile("fuzz-dicom", ".dcm");
      scratch.toFile().deleteOnExit();
    }
    return scratch;
  }
}
