package org.medvqa.training.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SLAKE (Liu et al. 2021): {@code train.json}, {@code validate.json}, {@code test.json}, each an array of
 * objects with {@code qid}, {@code img_id}, {@code img_name} (e.g. {@code xmlab1/source.jpg}, under
 * {@code imgs/}), {@code question}, {@code answer}, {@code q_lang} (en/zh), {@code location},
 * {@code modality}, {@code answer_type} (OPEN/CLOSED), {@code base_type}, {@code content_type}.
 *
 * <p>Only English questions are kept ({@code q_lang} "en" or absent); the Chinese half is left out
 * on purpose and not counted as skipped.
 */
public final class SlakeReader {
  private SlakeReader() {}

  public static ReadResult read(Path file, String fileName, String imageDir, Split split) throws IOException {
    return JsonArrayReader.read(file, fileName, row -> {
      String lang = Rows.text(row, "q_lang").toLowerCase(Locale.ROOT);
      if (!lang.isEmpty() && !lang.equals("en")) {
        return Optional.empty();
      }
      String image = Rows.text(row, "img_name");
      if (image.isEmpty()) {
        throw new IllegalArgumentException("empty img_name");
      }
      return Optional.of(new VqaExample(
          "slake-" + Rows.text(row, "qid"),
          DatasetLayout.join(imageDir, image),
          Rows.text(row, "question"),
          Rows.text(row, "answer"),
          QuestionType.parse(Rows.text(row, "answer_type")),
          List.of(),
          "",
          List.of(),
          Rows.text(row, "modality"),
          Rows.text(row, "location").toLowerCase(Locale.ROOT),
          split,
          Rows.text(row, "content_type").toLowerCase(Locale.ROOT)));
    });
  }
}
