package org.medvqa.training.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PMC-VQA (Zhang et al. 2023), multiple choice, as CSV with a header row. Columns are found by name:
 * {@code Figure_path}, {@code Question}, {@code Choice A} .. {@code Choice D} (values like
 * {@code " A:CT "}), and the answer as {@code Answer_label} (a letter; version 1, which also has the
 * {@code Answer} text) or {@code Answer} holding a letter (version 2, {@code train_2.csv}). Options lose
 * their {@code "A:"} prefix. Figures live under {@code images/} (or {@code figures/}).
 */
public final class PmcVqaReader {
  private static final String[] CHOICES = {"Choice A", "Choice B", "Choice C", "Choice D"};

  private PmcVqaReader() {}

  public static ReadResult read(Path file, String fileName, String imageDir, Split split) throws IOException {
    List<CsvRecords.Record> records;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      records = CsvRecords.parse(in);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new DatasetException(fileName + " is not UTF-8 text", e);
    }
    List<VqaExample> examples = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    if (records.isEmpty()) {
      problems.add(new RowProblem(fileName, 0, RowProblem.Kind.MALFORMED, "empty CSV, no header"));
      return new ReadResult(examples, problems);
    }
    Map<String, Integer> column = new HashMap<>();
    List<String> header = records.get(0).fields();
    for (int i = 0; i < header.size(); i++) {
      column.put(header.get(i).strip(), i);
    }
    List<String> missing = new ArrayList<>();
    for (String need : List.of("Figure_path", "Question", CHOICES[0], CHOICES[1])) {
      if (!column.containsKey(need)) {
        missing.add(need);
      }
    }
    if (!column.containsKey("Answer_label") && !column.containsKey("Answer")) {
      missing.add("Answer_label");
    }
    if (!missing.isEmpty()) {
      problems.add(new RowProblem(fileName, 1, RowProblem.Kind.MALFORMED,
          "header lacks column(s) " + String.join(", ", missing)));
      return new ReadResult(examples, problems);
    }
    for (int r = 1; r < records.size(); r++) {
      CsvRecords.Record rec = records.get(r);
      if (rec.fields().size() == 1 && rec.fields().get(0).isBlank()) {
        continue; // blank line
      }
      try {
        if (rec.unterminated()) {
          throw new IllegalArgumentException("unterminated quoted field");
        }
        if (rec.fields().size() != header.size()) {
          throw new IllegalArgumentException(
              rec.fields().size() + " fields where the header has " + header.size());
        }
        examples.add(toExample(rec, column, imageDir, split, r));
      } catch (IllegalArgumentException e) {
        problems.add(Rows.problem(fileName, rec.line(), e));
      }
    }
    return new ReadResult(examples, problems);
  }

  private static VqaExample toExample(
      CsvRecords.Record rec, Map<String, Integer> column, String imageDir, Split split, int index) {
    List<String> options = new ArrayList<>();
    for (int i = 0; i < CHOICES.length; i++) {
      Integer c = column.get(CHOICES[i]);
      if (c != null) {
        String option = stripLetter(rec.fields().get(c), (char) ('A' + i));
        if (!option.isEmpty()) {
          options.add(option);
        }
      }
    }
    String letter = column.containsKey("Answer_label")
        ? get(rec, column, "Answer_label")
        : get(rec, column, "Answer");
    String answer = "";
    if (letter.length() == 1 && Character.isLetter(letter.charAt(0))) {
      int i = Character.toUpperCase(letter.charAt(0)) - 'A';
      if (i < 0 || i >= options.size()) {
        throw new IllegalArgumentException("answer label '" + letter + "' names no option");
      }
      answer = options.get(i);
    } else if (!letter.isEmpty()) {
      throw new IllegalArgumentException("answer label '" + letter + "' is not a letter");
    }
    String image = get(rec, column, "Figure_path");
    if (image.isEmpty()) {
      throw new IllegalArgumentException("empty Figure_path");
    }
    String id = column.containsKey("index") ? get(rec, column, "index") : Integer.toString(index);
    return new VqaExample(
        "pmcvqa-" + split.label() + "-" + id,
        DatasetLayout.join(imageDir, image),
        get(rec, column, "Question"),
        answer,
        QuestionType.MULTIPLE_CHOICE,
        options,
        "",
        List.of(),
        "",
        "",
        split,
        "");
  }

  private static String get(CsvRecords.Record rec, Map<String, Integer> column, String name) {
    Integer c = column.get(name);
    return c == null ? "" : rec.fields().get(c).strip();
  }

  /** {@code " A:CT "} -> {@code "CT"}; also {@code "A."}, {@code "A)"}; leaves other text alone. */
  static String stripLetter(String option, char letter) {
    String s = option.strip();
    if (s.length() >= 2 && Character.toUpperCase(s.charAt(0)) == letter
        && ":.)".indexOf(s.charAt(1)) >= 0) {
      return s.substring(2).strip();
    }
    return s;
  }
}
