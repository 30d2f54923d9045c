package org.medvqa.training.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.medvqa.training.data.QuestionType;
import org.medvqa.training.rewards.AnswerMatcher;

/**
 * The metrics of {@code medvqa eval} over scored answers. Accuracies are over the questions of their
 * type; a metric with no question of its type is JSON null.
 * <pre>
 *   yes_rate          = predicted yes / closed questions      true_yes_rate = reference yes / closed
 *   balanced_accuracy = (TP / (TP + FN) + TN / (TN + FP)) / 2   over closed questions, yes = positive
 *   open_semantic     = mean over open questions of [exact match or alignment score >= 0.5]
 * </pre>
 */
public final class VqaMetrics {
  public static final double SEMANTIC_THRESHOLD = 0.5;

  private VqaMetrics() {}

  public static ObjectNode compute(List<ScoredAnswer> answers, boolean semanticAvailable) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    List<ScoredAnswer> closed = ofType(answers, QuestionType.CLOSED);
    List<ScoredAnswer> open = ofType(answers, QuestionType.OPEN);
    List<ScoredAnswer> mc = ofType(answers, QuestionType.MULTIPLE_CHOICE);
    put(n, "closed_accuracy", rate(closed, ScoredAnswer::correct));
    put(n, "open_exact", rate(open, ScoredAnswer::exact));
    put(n, "open_semantic", semanticAvailable
        ? rate(open, a -> a.exact() || a.semantic() >= SEMANTIC_THRESHOLD) : Double.NaN);
    put(n, "mc_accuracy", rate(mc, ScoredAnswer::correct));
    put(n, "yes_rate", rate(closed, a -> AnswerMatcher.yesNo(a.answer()).orElse(false)));
    put(n, "true_yes_rate", rate(closed, a -> a.example().answer().equalsIgnoreCase("yes")));
    double tpr = rate(closed.stream().filter(a -> isYes(a)).toList(), ScoredAnswer::correct);
    double tnr = rate(closed.stream().filter(a -> !isYes(a)).toList(), ScoredAnswer::correct);
    put(n, "balanced_accuracy", Double.isNaN(tpr) ? tnr : Double.isNaN(tnr) ? tpr : (tpr + tnr) / 2);
    put(n, "mean_length_correct", meanTokens(answers, true));
    put(n, "mean_length_incorrect", meanTokens(answers, false));
    put(n, "accuracy", rate(answers, ScoredAnswer::correct));
    n.put("questions", answers.size());
    return n;
  }

  /** Accuracy and count per value of a field (modality, organ, category). */
  public static ObjectNode breakdown(List<ScoredAnswer> answers, Function<ScoredAnswer, String> field) {
    Map<String, int[]> counts = new TreeMap<>();
    for (ScoredAnswer a : answers) {
      String key = field.apply(a);
      int[] c = counts.computeIfAbsent(key == null || key.isBlank() ? "(unknown)" : key, k -> new int[2]);
      c[0] += a.correct() ? 1 : 0;
      c[1]++;
    }
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    counts.forEach((k, c) -> {
      ObjectNode row = n.putObject(k);
      row.put("accuracy", c[0] / (double) c[1]);
      row.put("questions", c[1]);
    });
    return n;
  }

  private static boolean isYes(ScoredAnswer a) {
    return a.example().answer().equalsIgnoreCase("yes");
  }

  private static List<ScoredAnswer> ofType(List<ScoredAnswer> answers, QuestionType type) {
    return answers.stream().filter(a -> a.example().type() == type).toList();
  }

  private static double rate(List<ScoredAnswer> answers, Predicate<ScoredAnswer> hit) {
    return answers.isEmpty() ? Double.NaN : answers.stream().filter(hit).count() / (double) answers.size();
  }

  private static double meanTokens(List<ScoredAnswer> answers, boolean correct) {
    return answers.stream().filter(a -> a.correct() == correct).mapToInt(ScoredAnswer::tokens).average().orElse(Double.NaN);
  }

  private static void put(ObjectNode n, String key, double value) {
    if (Double.isNaN(value)) {
      n.putNull(key);
    } else {
      n.put(key, Math.round(value * 10000) / 10000.0);
    }
  }
}
