package org.medvqa.training.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.medvqa.training.data.CheckReport;
import org.medvqa.training.data.DatasetChecker;
import org.medvqa.training.data.DatasetException;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.data.VqaExample;

/**
 * Fuzzes the dataset readers through their public entry points, {@link VqaDataset#open} (what training
 * and evaluation call) and {@link DatasetChecker#check} ({@code medvqa data check}).
 *
 * <p>Input layout: the first byte picks the layout (JSONL {@code train.jsonl}, VQA-RAD
 * {@code VQA_RAD Dataset Public.json}, SLAKE {@code train.json}, PMC-VQA {@code train.csv}); the rest is
 * that file's content, written into a scratch dataset folder that also holds one real image under each
 * layout's image folder. Properties:
 * <ul>
 *   <li>a bad file or row is skipped and counted, or the whole folder is refused with a
 *       {@link DatasetException}; nothing else escapes (no index, null or path exception);</li>
 *   <li>every question that survives names an image inside the dataset folder that exists, and the
 *       checker agrees with the loader on how many questions survive.</li>
 * </ul>
 */
class DatasetReadersFuzzTest {
  private static final String[] FILES = {
    "train.jsonl", "VQA_RAD Dataset Public.json", "train.json", "train.csv"
  };
  private static final String[] IMAGE_DIRS = {"images", "VQA_RAD Image Folder", "imgs", "figures"};

  private static Path root;

  @FuzzTest(maxDuration = "2m")
  void datasetFiles(byte[] input) throws IOException {
    Path dir = freshDataset();
    int layout = input.length == 0 ? 0 : (input[0] & 0xff) % FILES.length;
    byte[] content = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    Files.write(dir.resolve(FILES[layout]), content);

    VqaDataset data = null;
    try {
      data = VqaDataset.open(dir);
    } catch (DatasetException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
    CheckReport report = null;
    try {
      report = DatasetChecker.check(dir);
    } catch (DatasetException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
    if (data == null) {
      return;
    }
    Path realRoot = dir.toAbsolutePath().normalize();
    for (VqaExample e : data.all()) {
      Path image = data.imagePath(e);
      assertThat(image.startsWith(realRoot)).as("image %s inside the dataset", e.image()).isTrue();
      assertThat(Files.isRegularFile(image)).as("image %s exists", e.image()).isTrue();
    }
    assertThat(data.skipped()).isEqualTo(data.problems().size());
    assertThat(report).as("checker refused what the loader opened").isNotNull();
    int checked = 0;
    for (Split s : Split.values()) {
      checked += report.questions().getOrDefault(s, 0);
    }
    assertThat(checked).as("checker and loader agree on usable questions").isEqualTo(data.all().size());
  }

  /**
   * One scratch folder per JVM with one small real PNG in each layout's image folder (made once);
   * for each input only the dataset files are removed, so the fuzzer spends its time in the readers.
   */
  private static Path freshDataset() throws IOException {
    if (root == null) {
      root = Files.createTempDirectory("fuzz-dataset");
      for (String images : IMAGE_DIRS) {
        Files.createDirectories(root.resolve(images));
        Files.write(root.resolve(images).resolve("a.png"), PNG_1X1);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(DatasetReadersFuzzTest::deleteScratch));
    }
    for (String f : FILES) {
      Files.deleteIfExists(root.resolve(f));
    }
    return root;
  }

  private static void deleteScratch() {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temp folder left behind is harmless
    }
  }

  /** A 1x1 grey PNG. */
  private static final byte[] PNG_1X1 = java.util.HexFormat.of().parseHex(
      "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
          + "3a7e9b550000000a49444154789c63600000000200014d3a7c1d0000000049454e44ae426082");
}
