package org.medvqa.training.rewards;

import java.util.Objects;

/**
 * Graded semantic alignment of the answer with the reference, through a {@link SemanticScorer}
 * (the terminology module's concept alignment): the best score over the reference and its paraphrases.
 *
 * <p>Closed questions score their yes/no agreement (concepts add nothing to "yes" against "no").
 * Multiple-choice answers given by letter are first turned into the option's text, so "B" and
 * "left lower lobe" are judged alike.
 */
public final class SemanticAlignmentReward implements RewardFunction {
  public static final String NAME = "semantic";
  private final SemanticScorer scorer;

  public SemanticAlignmentReward(SemanticScorer scorer) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double score(Completion completion, RewardContext context) {
    String answer = ParsedCompletion.parse(completion.text()).answer();
    if (answer.isBlank()) {
      return 0.0;
    }
    return switch (context.type()) {
      case CLOSED -> AnswerMatcher.closed(answer, context.reference()) ? 1.0 : 0.0;
      case MULTIPLE_CHOICE -> {
        String chosen = asOptionText(answer, context);
        String reference = asOptionText(context.reference(), context);
        yield clamp(scorer.score(chosen, reference, context.question()));
      }
      case OPEN -> context.acceptedAnswers().stream()
          .mapToDouble(ref -> clamp(scorer.score(answer, ref, context.question())))
          .max()
          .orElse(0.0);
    };
  }

  private static String asOptionText(String text, RewardContext context) {
    int i = AnswerMatcher.optionIndex(text, context.options());
    return i < 0 ? text : AnswerMatcher.optionText(context.options().get(i));
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0.0 : Math.max(0.0, Math.min(1.0, v));
  }
}
