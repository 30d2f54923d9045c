package org.medvqa.training.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VqaJsonlTest {
  @TempDir Path dir;

  private static VqaExample mc() {
    return new VqaExample("q1", "images/a.dcm", "Which modality?", "CT", QuestionType.MULTIPLE_CHOICE,
        List.of("MRI", "CT", "X-ray"), "Air is black.", List.of("computed tomography"), "CT", "chest",
        Split.VAL, "modality");
  }

  @Test
  void writesAndReadsBackEveryField() throws Exception {
    StringWriter out = new StringWriter();
    VqaJsonl.write(List.of(mc()), out);
    assertThat(out.toString()).startsWith("{\"id\":\"q1\",\"image\":\"images/a.dcm\"").endsWith("}\n");
    Path f = dir.resolve("val.jsonl");
    Files.writeString(f, out.toString());
    ReadResult r = VqaJsonl.read(f, "val.jsonl", Split.TRAIN);
    assertThat(r.problems()).isEmpty();
    assertThat(r.examples()).containsExactly(mc()); // split comes from the row, not the file
    assertThat(r.examples().get(0).answerLetter()).isEqualTo('B');
    assertThat(r.examples().get(0).acceptedAnswers()).containsExactly("CT", "computed tomography");
  }

  @Test
  void skipsAndReportsEachKindOfBadLine() throws Exception {
    Path f = dir.resolve("train.jsonl");
    Files.writeString(f, String.join("\n",
        "{\"id\":\"ok\",\"image\":\"i.png\",\"question\":\"Is there a nodule?\",\"answer\":\"yes\",\"question_type\":\"closed\"}",
        "",
        "{\"id\":\"broken\",\"image\":",
        "[1,2,3]",
        "{\"id\":\"e\",\"image\":\"i.png\",\"question\":\"Q?\",\"answer\":\"  \",\"question_type\":\"open\"}",
        "{\"id\":\"t\",\"image\":\"i.png\",\"question\":\"Q?\",\"answer\":\"a\",\"question_type\":\"essay\"}",
        "{\"id\":\"m\",\"image\":\"i.png\",\"question\":\"Q?\",\"answer\":\"d\",\"question_type\":\"mc\",\"options\":[\"a\",\"b\"]}",
        "{\"id\":\"o\",\"image\":\"i.png\",\"question\":\"Q?\",\"answer\":\"a\",\"question_type\":\"open\",\"options\":\"a\"}",
        "{\"id\":\"n\",\"question\":\"Q?\",\"answer\":\"a\",\"question_type\":\"open\"}",
        "{\"id\":\"s\",\"image\":\"i.png\",\"question\":\"Q?\",\"answer\":\"a\",\"question_type\":\"open\",\"split\":\"holdout\"}"));
    ReadResult r = VqaJsonl.read(f, "train.jsonl", Split.TRAIN);
    assertThat(r.examples()).extracting(VqaExample::id).containsExactly("ok");
    assertThat(r.examples().get(0).split()).isEqualTo(Split.TRAIN);
    assertThat(r.problems()).extracting(RowProblem::row).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(r.problems()).extracting(RowProblem::kind).containsExactly(
        RowProblem.Kind.MALFORMED, RowProblem.Kind.MALFORMED, RowProblem.Kind.EMPTY_ANSWER,
        RowProblem.Kind.MALFORMED, RowProblem.Kind.MALFORMED, RowProblem.Kind.MALFORMED,
        RowProblem.Kind.MALFORMED, RowProblem.Kind.MALFORMED);
    assertThat(r.problems().get(3).message()).contains("essay");
    assertThat(r.problems().get(4).message()).contains("not one of the options");
    assertThat(r.problems().get(6).message()).contains("empty image");
  }

  @Test
  void notUtf8IsADatasetErrorNotACrash() throws Exception {
    Path f = dir.resolve("train.jsonl");
    Files.write(f, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> VqaJsonl.read(f, "train.jsonl", Split.TRAIN))
        .isInstanceOf(DatasetException.class).hasMessageContaining("UTF-8");
  }
}
