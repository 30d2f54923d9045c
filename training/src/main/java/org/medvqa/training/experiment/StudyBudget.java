package org.medvqa.training.experiment;

import java.util.Locale;
import org.medvqa.training.sft.SftConfig;

/**
 * How much compute each phase of the study gets. {@code quick} fits the whole study (8 rows and the
 * matched-compute SFT control) in 25 minutes on two CPU cores; {@code full} is for a longer run or a GPU.
 *
 * @param model model size preset (tiny, small, base)
 * @param baseMinutes report pretraining of the {@code base} model
 * @param sftMinutes SFT (the {@code instruct} model and the {@code sft} row)
 * @param grpoMinutes each GRPO row; also the extra SFT time of the matched control
 * @param evalQuestions the fixed held-out subset (test split, first questions by id)
 * @param promptsPerStep GRPO prompts per step (G completions each)
 */
public record StudyBudget(String name, String model, double baseMinutes, double sftMinutes, double grpoMinutes,
    int evalQuestions, int promptsPerStep) {

  public static StudyBudget quick() {
    return new StudyBudget("quick", "small", 1.0, 6.0, 1.5, 160, 8);
  }

  public static StudyBudget full() {
    return new StudyBudget("full", "small", 5.0, 15.0, 8.0, 1000, 16);
  }

  /** SFT settings for a phase of this many minutes (the step limit left open: time decides). */
  public SftConfig sftConfig(double minutes) {
    SftConfig d = SftConfig.defaults();
    return new SftConfig(model, d.vocabSize(), d.batchSize(), d.questionsPerImage(), d.learningRate(), d.weightDecay(),
        d.warmupSteps(), 100_000, minutes, d.gradClip(), d.checkpointEvery(), d.logEvery(), d.seed());
  }

  public static StudyBudget of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "quick" -> quick();
      case "full" -> full();
      default -> throw new IllegalArgumentException("unknown budget '" + name + "' (quick, full)");
    };
  }
}
