package org.medvqa.training.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical JSONL format (the one PhantomVQA writes): one JSON object per line,
 *
 * <pre>
 * {"id":"pv-000012-q3","image":"images/pv-000012.dcm","question":"Is there a nodule?","answer":"yes",
 *  "question_type":"closed","options":[],"reasoning":"...","answer_paraphrases":["y"],
 *  "modality":"CT","organ":"chest","split":"train","category":"presence"}
 * </pre>
 *
 * Required: {@code id}, {@code image}, {@code question}, {@code answer}, {@code question_type}. The
 * others may be absent; {@code split} defaults to the split of the file. Bad lines are skipped and
 * reported, never thrown.
 */
public final class VqaJsonl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VqaJsonl() {}

  /** Reads one split file; {@code fileName} is how problems name it. */
  public static ReadResult read(Path file, String fileName, Split split) throws IOException {
    List<VqaExample> examples = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int row = 0;
      while ((line = in.readLine()) != null) {
        row++;
        if (line.isBlank()) {
          continue;
        }
        try {
          examples.add(fromJson(JSON.readTree(line), split));
        } catch (JsonProcessingException e) {
          problems.add(new RowProblem(fileName, row, RowProblem.Kind.MALFORMED,
              "not JSON: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
          problems.add(Rows.problem(fileName, row, e));
        }
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new DatasetException(fileName + " is not UTF-8 text", e);
    }
    return new ReadResult(examples, problems);
  }

  /** Parses one canonical object; throws {@link IllegalArgumentException} on a bad row. */
  public static VqaExample fromJson(JsonNode node, Split defaultSplit) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Split split = node.hasNonNull("split") ? Split.parse(node.get("split").asText()) : defaultSplit;
    return new VqaExample(
        Rows.text(node, "id"),
        Rows.text(node, "image"),
        Rows.text(node, "question"),
        Rows.text(node, "answer"),
        QuestionType.parse(Rows.text(node, "question_type")),
        Rows.strings(node, "options"),
        Rows.text(node, "reasoning"),
        Rows.strings(node, "answer_paraphrases"),
        Rows.text(node, "modality"),
        Rows.text(node, "organ"),
        split,
        Rows.text(node, "category"));
  }

  /** The canonical object of one example (field order fixed, so output is byte-stable). */
  public static ObjectNode toJson(VqaExample e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", e.id());
    o.put("image", e.image());
    o.put("question", e.question());
    o.put("answer", e.answer());
    o.put("question_type", e.type().label());
    ArrayNode options = o.putArray("options");
    e.options().forEach(options::add);
    o.put("reasoning", e.reasoning());
    ArrayNode paraphrases = o.putArray("answer_paraphrases");
    e.answerParaphrases().forEach(paraphrases::add);
    o.put("modality", e.modality());
    o.put("organ", e.organ());
    o.put("split", e.split().label());
    o.put("category", e.category());
    return o;
  }

  /** Writes examples as JSONL ({@code \n} line ends, UTF-8). */
  public static void write(List<VqaExample> examples, Writer out) throws IOException {
    for (VqaExample e : examples) {
      out.write(JSON.writeValueAsString(toJson(e)));
      out.write('\n');
    }
  }
}
