package org.medvqa.training.data;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader got from one file: the good rows, and one {@link RowProblem} per skipped row.
 *
 * @param examples the rows that parsed, in file order
 * @param problems the skipped rows, in file order
 */
public record ReadResult(List<VqaExample> examples, List<RowProblem> problems) {

  public ReadResult {
    examples = List.copyOf(examples);
    problems = List.copyOf(problems);
  }

  /** How many rows were skipped. */
  public int skipped() {
    return problems.size();
  }

  /** This result followed by another. */
  public ReadResult plus(ReadResult other) {
    List<VqaExample> e = new ArrayList<>(examples);
    e.addAll(other.examples);
    List<RowProblem> p = new ArrayList<>(problems);
    p.addAll(other.problems);
    return new ReadResult(e, p);
  }

  static ReadResult empty() {
    return new ReadResult(List.of(), List.of());
  }
}
