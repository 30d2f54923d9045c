package org.medvqa.training.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Streams a top-level JSON array (VQA-RAD, SLAKE), one element at a time, so a broken element costs
 * only the rest of the file from there on (JSON cannot be resynchronised after a syntax error), never
 * the rows before it.
 */
final class JsonArrayReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Maps one array element to an example; empty means "deliberately left out" (not a problem). */
  interface RowMapper {
    Optional<VqaExample> map(JsonNode row);
  }

  private JsonArrayReader() {}

  static ReadResult read(Path file, String fileName, RowMapper mapper) throws IOException {
    List<VqaExample> examples = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    int row = 0;
    try (JsonParser p = JSON.createParser(Files.newInputStream(file))) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        problems.add(new RowProblem(fileName, 0, RowProblem.Kind.MALFORMED, "not a JSON array"));
        return new ReadResult(examples, problems);
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        row++;
        JsonNode node = p.readValueAsTree();
        if (node == null || !node.isObject()) {
          problems.add(new RowProblem(fileName, row, RowProblem.Kind.MALFORMED, "not a JSON object"));
          continue;
        }
        try {
          mapper.map(node).ifPresent(examples::add);
        } catch (IllegalArgumentException e) {
          problems.add(Rows.problem(fileName, row, e));
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      problems.add(new RowProblem(fileName, row + 1, RowProblem.Kind.MALFORMED,
          "broken JSON from here to the end of the file: " + e.getOriginalMessage()));
    }
    return new ReadResult(examples, problems);
  }
}
