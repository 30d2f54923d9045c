package org.medvqa.training.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLAKE's JSON with its real field names; Chinese questions are left out, not counted. */
class SlakeReaderTest {
  @TempDir Path dir;

  @Test
  void readsEnglishQuestionsWithModalityAndLocation() throws Exception {
    Path f = dir.resolve("validate.json");
    Files.writeString(f, """
        [
          {"img_id": 1, "img_name": "xmlab1/source.jpg", "question": "What modality is used to take this image?",
           "answer": "MRI", "q_lang": "en", "location": "Abdomen", "modality": "MRI", "answer_type": "OPEN",
           "base_type": "vqa", "content_type": "Modality", "triple": ["vhead", "_", "_"], "qid": 0},
          {"img_id": 1, "img_name": "xmlab1/source.jpg", "question": "这是什么模态？", "answer": "MRI",
           "q_lang": "zh", "location": "Abdomen", "modality": "MRI", "answer_type": "OPEN", "qid": 1},
          {"img_id": 102, "img_name": "xmlab102/source.jpg", "question": "Does the picture contain liver?",
           "answer": "Yes", "q_lang": "en", "location": "Lung", "modality": "CT", "answer_type": "CLOSED",
           "content_type": "Organ", "qid": 11934},
          {"img_id": 102, "img_name": "xmlab102/source.jpg", "question": "Which plane?",
           "answer": null, "q_lang": "en", "answer_type": "OPEN", "qid": 11935},
          {"img_id": 103, "img_name": {"nested": true}, "question": "Q?", "answer": "a", "q_lang": "en",
           "answer_type": "OPEN", "qid": 11936}
        ]
        """);
    ReadResult r = SlakeReader.read(f, "validate.json", "imgs", Split.VAL);
    assertThat(r.examples()).extracting(VqaExample::id).containsExactly("slake-0", "slake-11934");
    VqaExample e = r.examples().get(0);
    assertThat(e.image()).isEqualTo("imgs/xmlab1/source.jpg");
    assertThat(e.modality()).isEqualTo("MRI");
    assertThat(e.organ()).isEqualTo("abdomen");
    assertThat(e.category()).isEqualTo("modality");
    assertThat(e.type()).isEqualTo(QuestionType.OPEN);
    assertThat(e.split()).isEqualTo(Split.VAL);
    assertThat(r.examples().get(1).type()).isEqualTo(QuestionType.CLOSED);
    assertThat(r.problems()).extracting(RowProblem::kind)
        .containsExactly(RowProblem.Kind.EMPTY_ANSWER, RowProblem.Kind.MALFORMED);
  }
}
