package org.medvqa.training.rewards;

import java.util.Objects;
import org.medvqa.terminology.Terminology;

/**
 * The semantic reward's scorer: the terminology module's concept alignment (synonyms, abbreviations,
 * typos, negation, laterality, broader/narrower partial credit), graded in [0, 1].
 */
public final class TerminologySemanticScorer implements SemanticScorer {
  private final Terminology terminology;

  public TerminologySemanticScorer(Terminology terminology) {
    this.terminology = Objects.requireNonNull(terminology, "terminology");
  }

  /** The process-wide default terminology (built once on first use). */
  public static TerminologySemanticScorer shared() {
    return new TerminologySemanticScorer(Terminology.shared());
  }

  @Override
  public double score(String answer, String reference, String question) {
    return terminology.alignment().score(answer, reference, question).score();
  }
}
