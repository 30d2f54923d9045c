package org.medvqa.training.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCheckerTest {
  @TempDir Path dir;

  private static String row(String id, String image, String answer) {
    return "{\"id\":\"" + id + "\",\"image\":\"" + image + "\",\"question\":\"Is there a mass?\",\"answer\":\""
        + answer + "\",\"question_type\":\"closed\"}\n";
  }

  @Test
  void aCleanDatasetIsClean() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/a.png"), new byte[] {1});
    Files.write(dir.resolve("images/b.png"), new byte[] {2});
    Files.writeString(dir.resolve("train.jsonl"), row("t1", "images/a.png", "yes") + row("t2", "images/a.png", "no"));
    Files.writeString(dir.resolve("test.jsonl"), row("s1", "images/b.png", "no"));
    CheckReport r = DatasetChecker.check(dir);
    assertThat(r.clean()).isTrue();
    assertThat(r.questions()).containsEntry(Split.TRAIN, 2).containsEntry(Split.TEST, 1);
    assertThat(r.images()).containsEntry(Split.TRAIN, 1).containsEntry(Split.TEST, 1);
    assertThat(r.summary()).contains("train 2 questions/1 images", "0 malformed rows");
  }

  @Test
  void findsEveryKindOfProblem() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/a.png"), new byte[] {1});
    Files.write(dir.resolve("images/b.png"), new byte[] {2});
    Files.write(dir.resolve("images/b-copy.png"), new byte[] {2});
    Files.writeString(dir.resolve("train.jsonl"),
        row("t1", "images/a.png", "yes") + row("t2", "images/b.png", "no") + row("t3", "images/gone.png", "no")
            + row("t4", "images/a.png", "") + "not json\n");
    Files.writeString(dir.resolve("val.jsonl"), row("v1", "images/a.png", "yes"));
    Files.writeString(dir.resolve("test.jsonl"), row("s1", "images/b-copy.png", "no"));
    CheckReport r = DatasetChecker.check(dir);
    assertThat(r.clean()).isFalse();
    assertThat(r.count(RowProblem.Kind.MISSING_IMAGE)).isEqualTo(1);
    assertThat(r.count(RowProblem.Kind.EMPTY_ANSWER)).isEqualTo(1);
    assertThat(r.count(RowProblem.Kind.MALFORMED)).isEqualTo(1);
    assertThat(r.duplicateImages()).containsExactly("images/a.png is used by train and val",
        "identical files images/b-copy.png, images/b.png are used by train and test");
    assertThat(r.toJson().get("missing_images").asInt()).isEqualTo(1);
    assertThat(r.toJson().get("duplicate_images_across_splits").asInt()).isEqualTo(2);
    assertThat(r.toJson().get("clean").asBoolean()).isFalse();
    assertThat(r.toJson().get("problems")).hasSize(3);
  }

  @Test
  void decodingFindsCorruptImagesThatMerelyExist() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    java.awt.image.BufferedImage ok = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    javax.imageio.ImageIO.write(ok, "png", dir.resolve("images/ok.png").toFile());
    Files.write(dir.resolve("images/corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});
    Files.writeString(dir.resolve("train.jsonl"), row("t1", "images/ok.png", "yes") + row("t2", "images/corrupt.png", "no"));
    assertThat(DatasetChecker.check(dir).clean()).isTrue();
    CheckReport decoded = DatasetChecker.check(dir, true);
    assertThat(decoded.clean()).isFalse();
    assertThat(decoded.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(RowProblem.Kind.UNREADABLE_IMAGE);
      assertThat(p.file()).isEqualTo("images/corrupt.png");
    });
    assertThat(decoded.toJson().get("unreadable_images").asInt()).isEqualTo(1);
  }
}
