package org.medvqa.training.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link DatasetChecker} found.
 *
 * @param root the dataset directory
 * @param format its layout
 * @param questions usable questions per split
 * @param images distinct usable images per split
 * @param problems bad rows: malformed, empty answer, missing image; undecodable images when asked
 * @param duplicateImages one line per image (path or identical bytes) that two splits share
 */
public record CheckReport(Path root, DatasetFormat format, Map<Split, Integer> questions,
    Map<Split, Integer> images, List<RowProblem> problems, List<String> duplicateImages) {

  public CheckReport {
    questions = Map.copyOf(questions);
    images = Map.copyOf(images);
    problems = List.copyOf(problems);
    duplicateImages = List.copyOf(duplicateImages);
  }

  /** No bad row and no image shared between splits. */
  public boolean clean() {
    return problems.isEmpty() && duplicateImages.isEmpty();
  }

  public long count(RowProblem.Kind kind) {
    return problems.stream().filter(p -> p.kind() == kind).count();
  }

  /** One line: counts of questions and of each kind of problem. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(format.name().toLowerCase(Locale.ROOT)).append(" dataset, ");
    for (Split s : Split.values()) {
      b.append(s.label()).append(' ').append(questions.getOrDefault(s, 0)).append(" questions/")
          .append(images.getOrDefault(s, 0)).append(" images, ");
    }
    b.append(count(RowProblem.Kind.MALFORMED)).append(" malformed rows, ")
        .append(count(RowProblem.Kind.EMPTY_ANSWER)).append(" empty answers, ")
        .append(count(RowProblem.Kind.MISSING_IMAGE)).append(" missing images, ")
        .append(count(RowProblem.Kind.UNREADABLE_IMAGE)).append(" unreadable images, ")
        .append(duplicateImages.size()).append(" images shared across splits");
    return b.toString();
  }

  /** The report as one JSON object ({@code clean}, {@code format}, counts, {@code problems}, {@code duplicate_images}). */
  public ObjectNode toJson() {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("dataset", root.toString());
    o.put("format", format.name().toLowerCase(Locale.ROOT));
    o.put("clean", clean());
    ObjectNode q = o.putObject("questions");
    ObjectNode i = o.putObject("images");
    for (Split s : Split.values()) {
      q.put(s.label(), questions.getOrDefault(s, 0));
      i.put(s.label(), images.getOrDefault(s, 0));
    }
    o.put("malformed_rows", count(RowProblem.Kind.MALFORMED));
    o.put("empty_answers", count(RowProblem.Kind.EMPTY_ANSWER));
    o.put("missing_images", count(RowProblem.Kind.MISSING_IMAGE));
    o.put("unreadable_images", count(RowProblem.Kind.UNREADABLE_IMAGE));
    o.put("duplicate_images_across_splits", duplicateImages.size());
    ArrayNode p = o.putArray("problems");
    for (RowProblem r : problems) {
      ObjectNode n = p.addObject();
      n.put("file", r.file());
      n.put("row", r.row());
      n.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
      n.put("message", r.message());
    }
    ArrayNode d = o.putArray("duplicate_images");
    duplicateImages.forEach(d::add);
    return o;
  }
}
