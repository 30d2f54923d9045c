package org.medvqa.training.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PMC-VQA's CSV in both published schemas, with quoting the way pandas writes it. */
class PmcVqaReaderTest {
  @TempDir Path dir;

  @Test
  void readsVersionOneWithAnswerLabelAndQuotedFields() throws Exception {
    Path f = dir.resolve("train.csv");
    Files.writeString(f, "Figure_path,Question,Answer,Choice A,Choice B,Choice C,Choice D,Answer_label\r\n"
        + "PMC1_F1.jpg,What is the modality?,CT , A:MRI , B:CT , C:X-ray , D:PET ,B\r\n"
        + "PMC2_F3.jpg,\"Where is the lesion, if any?\",Left lobe,\" A:Right lobe \",\" B:Left lobe \","
        + "\" C:Both, equally \",\" D:None \",B\r\n"
        + "PMC3_F1.jpg,\"A question with\na line break and \"\"quotes\"\"\",yes, A:yes , B:no ,,,A\r\n"
        + "PMC4_F1.jpg,Too few fields,A\r\n"
        + "PMC5_F1.jpg,Label out of range?,x, A:a , B:b , C:c , D:d ,E\r\n"
        + "PMC6_F1.jpg,Missing label?,x, A:a , B:b , C:c , D:d ,\r\n"
        + ",No figure?,x, A:a , B:b , C:c , D:d ,A\r\n");
    ReadResult r = PmcVqaReader.read(f, "train.csv", "images", Split.TRAIN);
    assertThat(r.examples()).hasSize(3);
    VqaExample first = r.examples().get(0);
    assertThat(first.type()).isEqualTo(QuestionType.MULTIPLE_CHOICE);
    assertThat(first.options()).containsExactly("MRI", "CT", "X-ray", "PET");
    assertThat(first.answer()).isEqualTo("CT");
    assertThat(first.answerLetter()).isEqualTo('B');
    assertThat(first.image()).isEqualTo("images/PMC1_F1.jpg");
    assertThat(r.examples().get(1).question()).isEqualTo("Where is the lesion, if any?");
    assertThat(r.examples().get(1).options()).containsExactly("Right lobe", "Left lobe", "Both, equally", "None");
    assertThat(r.examples().get(2).question()).isEqualTo("A question with\na line break and \"quotes\"");
    assertThat(r.examples().get(2).options()).containsExactly("yes", "no");
    assertThat(r.problems()).extracting(RowProblem::row).containsExactly(6, 7, 8, 9);
    assertThat(r.problems()).extracting(RowProblem::kind).containsExactly(RowProblem.Kind.MALFORMED,
        RowProblem.Kind.MALFORMED, RowProblem.Kind.EMPTY_ANSWER, RowProblem.Kind.MALFORMED);
    assertThat(r.problems().get(0).message()).contains("3 fields where the header has 8");
  }

  @Test
  void readsVersionTwoWhereAnswerHoldsTheLetter() throws Exception {
    Path f = dir.resolve("test_2.csv");
    Files.writeString(f, "index,Figure_path,Caption,Question,Choice A,Choice B,Choice C,Choice D,Answer,split\n"
        + "17,PMC9_F2.jpg,\"A caption, with commas\",Which organ?,A:Liver,B:Spleen,C:Kidney,D:Heart,C,test\n");
    ReadResult r = PmcVqaReader.read(f, "test_2.csv", "", Split.TEST);
    assertThat(r.problems()).isEmpty();
    assertThat(r.examples()).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("pmcvqa-test-17");
      assertThat(e.answer()).isEqualTo("Kidney");
      assertThat(e.image()).isEqualTo("PMC9_F2.jpg");
    });
  }

  @Test
  void anUnterminatedQuoteBreaksOnlyTheLastRecord() throws Exception {
    Path f = dir.resolve("train.csv");
    Files.writeString(f, "Figure_path,Question,Answer,Choice A,Choice B,Choice C,Choice D,Answer_label\n"
        + "a.jpg,Q1?,x,A:x,B:y,C:z,D:w,A\n"
        + "b.jpg,\"Q2 never closes,x,A:x,B:y,C:z,D:w,A\n"
        + "c.jpg,Q3?,x,A:x,B:y,C:z,D:w,A\n");
    ReadResult r = PmcVqaReader.read(f, "train.csv", "", Split.TRAIN);
    assertThat(r.examples()).extracting(VqaExample::question).containsExactly("Q1?");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(3);
      assertThat(p.message()).contains("unterminated");
    });
  }

  @Test
  void aHeaderWithoutTheColumnsIsOneProblem() throws Exception {
    Path f = dir.resolve("train.csv");
    Files.writeString(f, "image,q,a\nx.jpg,Q?,A\n");
    ReadResult r = PmcVqaReader.read(f, "train.csv", "", Split.TRAIN);
    assertThat(r.examples()).isEmpty();
    assertThat(r.problems()).singleElement().extracting(RowProblem::message).asString()
        .contains("Figure_path", "Question", "Choice A", "Answer_label");
    Files.writeString(f, "");
    assertThat(PmcVqaReader.read(f, "train.csv", "", Split.TRAIN).problems()).hasSize(1);
  }
}
