package org.medvqa.training.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * VQA-RAD (Lau et al. 2018), the public JSON: an array of objects with {@code qid}, {@code image_name},
 * {@code image_organ} (HEAD, CHEST, ABD), {@code question}, {@code answer} (text or a number),
 * {@code answer_type} (CLOSED/OPEN), {@code question_type} (PRES, POS, ORGAN, MODALITY, ...) and
 * {@code phrase_type} (freeform, para, test_freeform, test_para).
 *
 * <p>In {@code VQA_RAD Dataset Public.json} the test split is the rows whose {@code phrase_type}
 * starts with {@code test}; the common {@code trainset.json}/{@code testset.json} re-splits take
 * their split from the file. VQA-RAD has no validation split and no modality field.
 */
public final class VqaRadReader {
  private VqaRadReader() {}

  /**
   * @param imageDir the folder holding the images, relative to the dataset root ({@code ""} for the root)
   * @param fileSplit the split of every row, or {@code null} to split by {@code phrase_type}
   */
  public static ReadResult read(Path file, String fileName, String imageDir, Split fileSplit)
      throws IOException {
    return JsonArrayReader.read(file, fileName, row -> {
      String phrase = Rows.text(row, "phrase_type").toLowerCase(Locale.ROOT);
      Split split = fileSplit != null ? fileSplit : phrase.startsWith("test") ? Split.TEST : Split.TRAIN;
      String qid = Rows.text(row, "qid");
      String image = Rows.text(row, "image_name");
      if (image.isEmpty()) {
        throw new IllegalArgumentException("empty image_name");
      }
      return Optional.of(new VqaExample(
          "vqarad-" + (qid.isEmpty() ? image + "-" + Rows.text(row, "question").hashCode() : qid),
          DatasetLayout.join(imageDir, image),
          Rows.text(row, "question"),
          Rows.text(row, "answer"),
          QuestionType.parse(Rows.text(row, "answer_type")),
          List.of(),
          "",
          List.of(),
          "",
          organ(Rows.text(row, "image_organ")),
          split,
          Rows.text(row, "question_type").toLowerCase(Locale.ROOT)));
    });
  }

  private static String organ(String imageOrgan) {
    return switch (imageOrgan.toUpperCase(Locale.ROOT)) {
      case "ABD" -> "abdomen";
      default -> imageOrgan.toLowerCase(Locale.ROOT);
    };
  }
}
