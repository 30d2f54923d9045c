package org.medvqa.training.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medvqa.training.data.QuestionType;
import org.medvqa.training.data.VqaExample;
import org.medvqa.training.model.Completion;
import org.medvqa.training.model.GenerationOptions;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.ResponseFormat;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.rewards.AnswerMatcher;
import org.medvqa.training.rewards.SemanticScorer;
import org.medvqa.training.sft.ProgressBar;
import org.medvqa.training.sft.PromptText;

/**
 * Answers every question greedily (questions grouped by image so each image is encoded once per batch)
 * and scores each answer by its type: closed yes/no, multiple choice by letter or option text, open by
 * normalised exact match and, with a {@link SemanticScorer}, by terminology-grounded alignment.
 */
public final class Evaluator {
  private final VqaModel model;
  private final SemanticScorer semantic;
  private final int maxNewTokens;
  private final int batchSize;
  private final PrintStream progress;

  /** {@code semantic} may be null: open_semantic is then null. */
  public Evaluator(VqaModel model, SemanticScorer semantic, int maxNewTokens, int batchSize, PrintStream progress) {
    this.model = model;
    this.semantic = semantic;
    this.maxNewTokens = maxNewTokens;
    this.batchSize = batchSize;
    this.progress = progress;
  }

  /** The report of one evaluation: metrics with the blank baseline, breakdowns, and every scored answer. */
  public record Result(ObjectNode metrics, List<ScoredAnswer> answers, List<ScoredAnswer> blankAnswers) {}

  public Result evaluate(List<VqaExample> examples, Function<VqaExample, ModelImage> images) {
    List<ScoredAnswer> answers = answer(examples, images, "eval");
    BlankImage blank = new BlankImage(model);
    List<ScoredAnswer> blankAnswers = answer(examples, e -> blank.image(), "blank");
    ObjectNode metrics = VqaMetrics.compute(answers, semantic != null);
    metrics.set("blank_baseline", VqaMetrics.compute(blankAnswers, semantic != null));
    ObjectNode breakdown = metrics.putObject("breakdown");
    breakdown.set("modality", VqaMetrics.breakdown(answers, a -> a.example().modality()));
    breakdown.set("organ", VqaMetrics.breakdown(answers, a -> a.example().organ()));
    breakdown.set("category", VqaMetrics.breakdown(answers, a -> a.example().category()));
    breakdown.set("type", VqaMetrics.breakdown(answers, a -> a.example().type().label()));
    return new Result(metrics, answers, blankAnswers);
  }

  /** Generates and scores answers for the examples, with a progress bar. */
  public List<ScoredAnswer> answer(List<VqaExample> examples, Function<VqaExample, ModelImage> images, String label) {
    Map<ModelImage, List<Integer>> byImage = new LinkedHashMap<>();
    ModelImage[] imageOf = new ModelImage[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      imageOf[i] = images.apply(examples.get(i));
      byImage.computeIfAbsent(imageOf[i], k -> new ArrayList<>()).add(i);
    }
    List<Integer> order = new ArrayList<>();
    byImage.values().forEach(order::addAll);
    ScoredAnswer[] scored = new ScoredAnswer[examples.size()];
    ProgressBar bar = new ProgressBar(progress, label, examples.size());
    for (int from = 0; from < order.size(); from += batchSize) {
      List<Integer> batch = order.subList(from, Math.min(order.size(), from + batchSize));
      List<VqaPrompt> prompts = new ArrayList<>();
      for (int i : batch) {
        prompts.add(new VqaPrompt(imageOf[i], PromptText.question(examples.get(i))));
      }
      List<Completion> completions = model.generate(prompts, GenerationOptions.greedy(maxNewTokens));
      for (int k = 0; k < batch.size(); k++) {
        scored[batch.get(k)] = score(examples.get(batch.get(k)), completions.get(k));
      }
      bar.update(from + batch.size(), "questions");
    }
    bar.finish();
    return List.of(scored);
  }

  ScoredAnswer score(VqaExample e, Completion c) {
    String answer = ResponseFormat.answerOf(c.text());
    boolean exact = false;
    double sem = Double.NaN;
    boolean correct;
    if (e.type() == QuestionType.CLOSED) {
      correct = AnswerMatcher.closed(answer, e.answer());
    } else if (e.type() == QuestionType.MULTIPLE_CHOICE) {
      correct = AnswerMatcher.multipleChoice(answer, e.answer(), e.options());
    } else {
      exact = AnswerMatcher.open(answer, e.acceptedAnswers());
      if (semantic != null) {
        sem = answer.isBlank() ? 0 : semantic.score(answer, e.answer(), e.question());
        correct = exact || sem >= VqaMetrics.SEMANTIC_THRESHOLD;
      } else {
        correct = exact;
      }
    }
    return new ScoredAnswer(e, c.text(), answer, correct, exact, sem, c.tokenIds().length);
  }

  /**
   * The blank input: the training set's mean image, which standardises to all zeros. It carries no
   * information about any one study, so what the model answers about it is its language prior; a black
   * or white image would instead be far outside anything the encoder saw.
   */
  private record BlankImage(ModelImage image) {
    BlankImage(VqaModel model) {
      this(new ModelImage(model.config().channels(), model.config().imageSize(), model.config().imageSize(),
          model.preprocessor().mean()));
    }
  }
}
