package org.medvqa.training.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.training.data.DatasetChecker;
import org.medvqa.training.data.DatasetException;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.data.VqaExample;

class PhantomVqaGeneratorTest {
  @TempDir Path dir;

  private static final PhantomConfig SMALL = PhantomConfig.defaults().withN(30).withSeed(11);

  @Test
  void theSameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
    PhantomVqaGenerator.Result a = new PhantomVqaGenerator(SMALL, ImageFormat.DICOM)
        .generate(dir.resolve("a"), PhantomVqaGenerator.Progress.NONE);
    PhantomVqaGenerator.Result b = new PhantomVqaGenerator(SMALL, ImageFormat.DICOM)
        .generate(dir.resolve("b"), PhantomVqaGenerator.Progress.NONE);
    PhantomVqaGenerator.Result c = new PhantomVqaGenerator(SMALL.withSeed(12), ImageFormat.DICOM)
        .generate(dir.resolve("c"), PhantomVqaGenerator.Progress.NONE);
    Map<String, byte[]> filesA = files(a.dir());
    Map<String, byte[]> filesB = files(b.dir());
    assertThat(filesA.keySet()).isEqualTo(filesB.keySet()).contains("dataset.json", "train.jsonl", "val.jsonl",
        "test.jsonl", "reports.jsonl", "images/pv-000000.dcm");
    filesA.forEach((name, bytes) -> assertThat(filesB.get(name)).as(name).isEqualTo(bytes));
    assertThat(a.contentSha256()).isEqualTo(b.contentSha256()).isNotEqualTo(c.contentSha256());
    assertThat(files(c.dir()).get("images/pv-000000.dcm")).isNotEqualTo(filesA.get("images/pv-000000.dcm"));
  }

  @Test
  void pngOutputIsDeterministicToo() throws Exception {
    PhantomConfig tiny = SMALL.withN(4);
    Path a = new PhantomVqaGenerator(tiny, ImageFormat.PNG).generate(dir.resolve("a"), PhantomVqaGenerator.Progress.NONE).dir();
    Path b = new PhantomVqaGenerator(tiny, ImageFormat.PNG).generate(dir.resolve("b"), PhantomVqaGenerator.Progress.NONE).dir();
    Map<String, byte[]> filesA = files(a);
    assertThat(filesA).containsKey("images/pv-000003.png");
    filesA.forEach((name, bytes) -> assertThat(files(b).get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void writesADatasetThatLoadsCleanlyWithDisjointSplits() throws Exception {
    PhantomVqaGenerator.Result r = new PhantomVqaGenerator(SMALL, ImageFormat.DICOM)
        .generate(dir.resolve("d"), PhantomVqaGenerator.Progress.NONE);
    VqaDataset data = VqaDataset.open(r.dir());
    assertThat(data.skipped()).isZero();
    assertThat(DatasetChecker.check(r.dir()).clean()).isTrue();
    Map<String, Split> splitOfImage = new HashMap<>();
    for (VqaExample e : data.all()) {
      Split before = splitOfImage.putIfAbsent(e.image(), e.split());
      assertThat(before == null || before == e.split()).as(e.image()).isTrue();
    }
    for (Split s : Split.values()) {
      assertThat(data.split(s)).as(s.label()).hasSize(r.questions().get(s)).isNotEmpty();
    }
    assertThat(r.phantoms().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
    assertThat(r.phantoms().get(Split.TRAIN)).isEqualTo(24);

    JsonNode meta = new ObjectMapper().readTree(r.dir().resolve("dataset.json").toFile());
    assertThat(meta.get("name").asText()).isEqualTo("PhantomVQA");
    assertThat(meta.get("seed").asLong()).isEqualTo(11);
    assertThat(meta.at("/knobs/image_size").asInt()).isEqualTo(64);
    assertThat(meta.at("/counts/questions/train").asInt()).isEqualTo(r.questions().get(Split.TRAIN));
    assertThat(meta.get("content_sha256").asText()).isEqualTo(PhantomVqaGenerator.contentHash(r.dir()));

    List<String> reports = Files.readAllLines(r.dir().resolve("reports.jsonl"));
    assertThat(reports).hasSize(30);
    JsonNode report = new ObjectMapper().readTree(reports.get(0));
    assertThat(report.get("image").asText()).isEqualTo("images/pv-000000.dcm");
    assertThat(report.get("report").asText()).contains("Findings:", "Impression:");
    Set<String> imagesOnDisk = new HashSet<>();
    try (Stream<Path> s = Files.list(r.dir().resolve("images"))) {
      s.forEach(p -> imagesOnDisk.add("images/" + p.getFileName()));
    }
    assertThat(imagesOnDisk).hasSize(30).containsAll(splitOfImage.keySet());
  }

  @Test
  void refusesANonEmptyOutputDirectoryAndLeavesNoPartialOne() throws Exception {
    Path out = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> new PhantomVqaGenerator(SMALL, ImageFormat.PNG).generate(out, PhantomVqaGenerator.Progress.NONE))
        .isInstanceOf(DatasetException.class).hasMessageContaining("not an empty directory");
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("taken");
    }
    Path empty = Files.createDirectories(dir.resolve("empty"));
    new PhantomVqaGenerator(SMALL.withN(3), ImageFormat.PNG).generate(empty, PhantomVqaGenerator.Progress.NONE);
    assertThat(empty.resolve("dataset.json")).exists();
  }

  @Test
  void aPhantomDoesNotDependOnN() {
    PhantomSpec in30 = new PhantomVqaGenerator(SMALL, ImageFormat.PNG).phantom(7);
    PhantomSpec in3000 = new PhantomVqaGenerator(SMALL.withN(3000), ImageFormat.PNG).phantom(7);
    assertThat(in30).isEqualTo(in3000);
  }

  @Test
  void badKnobsAreRejectedWithTheirName() {
    assertThatThrownBy(() -> SMALL.withYesRatio(1.5)).hasMessageContaining("yes-ratio");
    assertThatThrownBy(() -> SMALL.withImageSize(8)).hasMessageContaining("image size");
    assertThatThrownBy(() -> SMALL.withN(0)).hasMessageContaining("n must be");
    assertThatThrownBy(() -> SMALL.withPrevalence(Map.of(FindingType.CYST, -0.1))).hasMessageContaining("cyst");
  }

  private static Map<String, byte[]> files(Path root) {
    Map<String, byte[]> out = new HashMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
