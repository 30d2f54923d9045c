package org.medvqa.training.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VQA-RAD's public JSON, with its real field names (and a numeric answer, as the real file has). */
class VqaRadReaderTest {
  @TempDir Path dir;

  static final String PUBLIC_JSON = """
      [
        {"qid": 1, "phrase_type": "freeform", "qid_linked_id": "03f451ca-de62-4617-9679-e836026a7642",
         "image_case_url": "https://medpix.nlm.nih.gov/case?id=48e1dd0e-8552-46ad-a354-5eb55be86de6",
         "image_name": "synpic54610.jpg", "image_organ": "HEAD", "evaluation": "not evaluated",
         "question": "Are regions of the brain infarcted?", "question_rephrase": "NULL",
         "question_relation": "NULL", "question_frame": "NULL", "question_type": "PRES",
         "answer": "Yes", "answer_type": "CLOSED"},
        {"qid": 2, "phrase_type": "test_freeform", "image_name": "synpic29265.jpg", "image_organ": "CHEST",
         "question": "How many lesions are there?", "question_type": "COUNT", "answer": 2, "answer_type": "OPEN"},
        {"qid": 3, "phrase_type": "para", "image_name": "synpic29265.jpg", "image_organ": "ABD",
         "question": "Where is the mass?", "question_type": "POS", "answer": "", "answer_type": "OPEN"},
        {"qid": 4, "phrase_type": "freeform", "image_name": "", "image_organ": "ABD",
         "question": "Is this normal?", "question_type": "ABN", "answer": "no", "answer_type": "CLOSED"},
        {"qid": 5, "phrase_type": "test_para", "image_name": "synpic100.jpg", "image_organ": "ABD",
         "question": "Which organ?", "question_type": "ORGAN", "answer": "liver", "answer_type": "FREE"},
        "not an object",
        {"qid": 7, "phrase_type": "freeform", "image_name": "synpic7.jpg", "image_organ": "CHEST",
         "question": "Is there a pneumothorax?", "question_type": "PRES", "answer": "no", "answer_type": "CLOSED "}
      ]
      """;

  @Test
  void readsThePublicJsonAndSplitsByPhraseType() throws Exception {
    Path f = dir.resolve(DatasetLayout.VQA_RAD_PUBLIC);
    Files.writeString(f, PUBLIC_JSON);
    ReadResult r = VqaRadReader.read(f, f.getFileName().toString(), "VQA_RAD Image Folder", null);
    assertThat(r.examples()).extracting(VqaExample::id).containsExactly("vqarad-1", "vqarad-2", "vqarad-7");
    VqaExample first = r.examples().get(0);
    assertThat(first.image()).isEqualTo("VQA_RAD Image Folder/synpic54610.jpg");
    assertThat(first.type()).isEqualTo(QuestionType.CLOSED);
    assertThat(first.answer()).isEqualTo("Yes");
    assertThat(first.organ()).isEqualTo("head");
    assertThat(first.category()).isEqualTo("pres");
    assertThat(first.split()).isEqualTo(Split.TRAIN);
    VqaExample second = r.examples().get(1);
    assertThat(second.answer()).isEqualTo("2");
    assertThat(second.type()).isEqualTo(QuestionType.OPEN);
    assertThat(second.split()).isEqualTo(Split.TEST);
    assertThat(r.examples().get(2).type()).isEqualTo(QuestionType.CLOSED); // "CLOSED " with a space
    assertThat(r.problems()).extracting(RowProblem::row).containsExactly(3, 4, 5, 6);
    assertThat(r.problems()).extracting(RowProblem::kind).containsExactly(RowProblem.Kind.EMPTY_ANSWER,
        RowProblem.Kind.MALFORMED, RowProblem.Kind.MALFORMED, RowProblem.Kind.MALFORMED);
  }

  @Test
  void brokenJsonKeepsTheRowsBeforeTheBreak() throws Exception {
    Path f = dir.resolve("trainset.json");
    String truncated = PUBLIC_JSON.substring(0, PUBLIC_JSON.indexOf("{\"qid\": 3"))
        + "{\"qid\": 3, \"image_name\": \"x.jpg\", \"question\": ";
    Files.writeString(f, truncated);
    ReadResult r = VqaRadReader.read(f, "trainset.json", "", Split.TRAIN);
    assertThat(r.examples()).extracting(VqaExample::id).containsExactly("vqarad-1", "vqarad-2");
    assertThat(r.examples()).allMatch(e -> e.split() == Split.TRAIN);
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).message()).contains("broken JSON");
  }

  @Test
  void aTopLevelObjectIsOneMalformedProblem() throws Exception {
    Path f = dir.resolve("trainset.json");
    Files.writeString(f, "{\"qid\": 1}");
    ReadResult r = VqaRadReader.read(f, "trainset.json", "", Split.TRAIN);
    assertThat(r.examples()).isEmpty();
    assertThat(r.problems()).singleElement().extracting(RowProblem::message).isEqualTo("not a JSON array");
  }
}
