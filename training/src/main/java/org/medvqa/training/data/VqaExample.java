package org.medvqa.training.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One question about one image, whatever dataset it came from.
 *
 * @param id unique within its dataset
 * @param image the image's path relative to the dataset root, with {@code /} separators; {@link
 *     VqaDataset#imagePath} resolves it
 * @param question the question text
 * @param answer the canonical answer: {@code yes}/{@code no} for {@link QuestionType#CLOSED}, the
 *     correct option's text for {@link QuestionType#MULTIPLE_CHOICE}, a short phrase for {@link
 *     QuestionType#OPEN}
 * @param type how the answer is scored
 * @param options the choices of a multiple-choice question in letter order (A, B, ...); empty otherwise
 * @param reasoning a short reference reasoning grounded in the image ({@code ""} when the dataset has none)
 * @param answerParaphrases accepted alternatives to {@code answer} (synonyms, abbreviations, lay terms)
 * @param modality the imaging modality ({@code CT}, {@code MRI}, {@code X-ray}, ...; {@code ""} if unknown)
 * @param organ the body region or organ the image shows ({@code chest}, {@code abdomen}, {@code head}, ...)
 * @param split the split the question belongs to
 * @param category what the question asks about ({@code presence}, {@code location}, {@code modality},
 *     ...; the public datasets' own question-type label where they have one, {@code ""} otherwise)
 */
public record VqaExample(
    String id,
    String image,
    String question,
    String answer,
    QuestionType type,
    List<String> options,
    String reasoning,
    List<String> answerParaphrases,
    String modality,
    String organ,
    Split split,
    String category) {

  public VqaExample {
    id = requireText(id, "id");
    image = requireText(image, "image").replace('\\', '/');
    try {
      java.nio.file.Path.of(image); // a NUL byte, say, would otherwise fail later, outside the row's try
    } catch (java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException("image path is not a valid file name: " + e.getReason());
    }
    question = requireText(question, "question");
    answer = requireText(answer, "answer");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(split, "split");
    options = options == null ? List.of() : List.copyOf(options);
    answerParaphrases = answerParaphrases == null ? List.of() : List.copyOf(answerParaphrases);
    reasoning = reasoning == null ? "" : reasoning.strip();
    modality = modality == null ? "" : modality.strip();
    organ = organ == null ? "" : organ.strip();
    category = category == null ? "" : category.strip();
    if (type == QuestionType.MULTIPLE_CHOICE) {
      if (options.size() < 2) {
        throw new IllegalArgumentException("a multiple-choice question needs at least two options");
      }
      if (!options.contains(answer)) {
        throw new IllegalArgumentException("answer '" + answer + "' is not one of the options " + options);
      }
    }
  }

  /** For a multiple-choice question, the letter of the correct option ({@code A} for the first). */
  public char answerLetter() {
    int i = options.indexOf(answer);
    if (i < 0) {
      throw new IllegalStateException("not a multiple-choice question: " + id);
    }
    return (char) ('A' + i);
  }

  /** The canonical answer followed by its paraphrases, without duplicates. */
  public List<String> acceptedAnswers() {
    List<String> all = new ArrayList<>();
    all.add(answer);
    for (String p : answerParaphrases) {
      if (!all.contains(p)) {
        all.add(p);
      }
    }
    return all;
  }

  /** A copy with another split (readers that learn the split only from the file name use this). */
  public VqaExample withSplit(Split newSplit) {
    return new VqaExample(id, image, question, answer, type, options, reasoning, answerParaphrases,
        modality, organ, newSplit, category);
  }

  private static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("empty " + field);
    }
    return value.strip();
  }
}
