package org.medvqa.plugin.adapters;

import org.medvqa.plugin.service.AnswerScorer;
import org.medvqa.plugin.service.ScoreResult;
import org.medvqa.training.rewards.Completion;
import org.medvqa.training.rewards.RewardBreakdown;
import org.medvqa.training.rewards.RewardContext;
import org.medvqa.training.rewards.RewardScorer;
import org.medvqa.training.rewards.SemanticScorer;

/**
 * The reward functions of GRPO training behind {@code POST /api/v1/score}: every component (format,
 * accuracy by question type, semantic alignment through the terminology, ECR, CWR, overlong penalty)
 * and the weighted total. The answer may be a whole completion ({@code <think>..</think><answer>..</answer>})
 * or a bare answer; the question type is inferred from the reference (yes/no: closed, else open).
 */
public final class RewardScoring implements AnswerScorer {
  static final int LENGTH_TARGET_WORDS = 40;
  static final int MAX_COMPLETION_TOKENS = 256;
  static final int OVERLONG_BUFFER = 64;

  private final RewardScorer scorer;

  public RewardScoring(SemanticScorer semantic) {
    this.scorer = RewardScorer.allComponents(semantic, LENGTH_TARGET_WORDS, MAX_COMPLETION_TOKENS, OVERLONG_BUFFER);
  }

  @Override
  public ScoreResult score(String answer, String reference, String question) {
    RewardContext context = new RewardContext(
        question, reference, RewardContext.inferType(reference), java.util.List.of(), java.util.List.of());
    RewardBreakdown b = scorer.score(Completion.ofText(answer), context);
    return new ScoreResult(b.components(), b.total());
  }
}
