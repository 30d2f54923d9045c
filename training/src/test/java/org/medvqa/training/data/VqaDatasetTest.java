package org.medvqa.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VqaDatasetTest {
  @TempDir Path dir;

  private static String row(String id, String image, String answer) {
    return "{\"id\":\"" + id + "\",\"image\":\"" + image + "\",\"question\":\"Is there a mass?\",\"answer\":\""
        + answer + "\",\"question_type\":\"closed\"}\n";
  }

  @Test
  void jsonlLayoutSkipsMissingImagesAndPathsLeavingTheRoot() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/a.png"), new byte[] {1});
    Files.write(dir.resolve("outside.png"), new byte[] {1});
    Files.writeString(dir.resolve("train.jsonl"),
        row("t1", "images/a.png", "yes") + row("t2", "images/missing.png", "no") + row("t3", "../x.png", "no"));
    Files.writeString(dir.resolve("test.jsonl"), row("s1", "images/a.png", "no") + "{oops\n");
    VqaDataset data = VqaDataset.open(dir);
    assertThat(data.format()).isEqualTo(DatasetFormat.JSONL);
    assertThat(data.split(Split.TRAIN)).extracting(VqaExample::id).containsExactly("t1");
    assertThat(data.split(Split.VAL)).isEmpty();
    assertThat(data.split(Split.TEST)).extracting(VqaExample::id).containsExactly("s1");
    assertThat(data.all()).hasSize(2);
    assertThat(data.skipped()).isEqualTo(3);
    assertThat(data.problems()).extracting(RowProblem::kind).containsExactlyInAnyOrder(
        RowProblem.Kind.MALFORMED, RowProblem.Kind.MISSING_IMAGE, RowProblem.Kind.MALFORMED);
    assertThat(data.imagePath(data.split(Split.TRAIN).get(0))).isEqualTo(dir.toAbsolutePath().resolve("images/a.png"));
  }

  @Test
  void recognisesTheVqaRadSlakeAndPmcVqaLayouts() throws Exception {
    Path rad = Files.createDirectories(dir.resolve("rad/VQA_RAD Image Folder"));
    Files.write(rad.resolve("synpic54610.jpg"), new byte[] {1});
    Files.write(rad.resolve("synpic29265.jpg"), new byte[] {2});
    Files.writeString(dir.resolve("rad/VQA_RAD Dataset Public.json"), VqaRadReaderTest.PUBLIC_JSON);
    VqaDataset radData = VqaDataset.open(dir.resolve("rad"));
    assertThat(radData.format()).isEqualTo(DatasetFormat.VQA_RAD);
    assertThat(radData.split(Split.TRAIN)).hasSize(1);
    assertThat(radData.split(Split.TEST)).hasSize(1);
    assertThat(radData.skipped()).isEqualTo(5); // four bad rows + synpic7.jpg missing

    Path slake = Files.createDirectories(dir.resolve("slake/imgs/xmlab1"));
    Files.write(slake.resolve("source.jpg"), new byte[] {1});
    Files.writeString(dir.resolve("slake/train.json"), "[{\"img_name\":\"xmlab1/source.jpg\",\"question\":\"Q?\","
        + "\"answer\":\"Lung\",\"q_lang\":\"en\",\"answer_type\":\"OPEN\",\"qid\":5}]");
    VqaDataset slakeData = VqaDataset.open(dir.resolve("slake"));
    assertThat(slakeData.format()).isEqualTo(DatasetFormat.SLAKE);
    assertThat(slakeData.split(Split.TRAIN)).extracting(VqaExample::image).containsExactly("imgs/xmlab1/source.jpg");

    Path pmc = Files.createDirectories(dir.resolve("pmc/images"));
    Files.write(pmc.resolve("a.jpg"), new byte[] {1});
    Files.writeString(dir.resolve("pmc/test.csv"),
        "Figure_path,Question,Answer,Choice A,Choice B,Choice C,Choice D,Answer_label\na.jpg,Q?,x,A:x,B:y,C:z,D:w,A\n");
    VqaDataset pmcData = VqaDataset.open(dir.resolve("pmc"));
    assertThat(pmcData.format()).isEqualTo(DatasetFormat.PMC_VQA);
    assertThat(pmcData.split(Split.TEST)).singleElement().extracting(VqaExample::answer).isEqualTo("x");
  }

  @Test
  void anUnknownLayoutOrNoUsableRowIsADatasetException() throws Exception {
    assertThatThrownBy(() -> VqaDataset.open(dir)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("no known dataset layout");
    assertThatThrownBy(() -> VqaDataset.open(dir.resolve("nope"))).isInstanceOf(DatasetException.class)
        .hasMessageContaining("not a directory");
    Files.writeString(dir.resolve("train.jsonl"), "garbage\n");
    assertThatThrownBy(() -> VqaDataset.open(dir)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("no usable question").hasMessageContaining("1 bad rows");
  }
}
