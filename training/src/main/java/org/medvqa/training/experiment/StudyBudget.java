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

  /**
   * SFT settings for a phase of this many minutes: the cosine schedule spans the steps that fit in
   * that time on two cores (about 1.5 steps a second for {@code small}), so the learning rate decays
   * within the budget instead of staying at its peak (where SFT was seen to diverge), at 1e-3.
   */
  public SftConfig sftConfig(double minutes) {
    SftConfig d = SftConfig.defaults();
    int steps = Math.max(20, (int) Math.round(minutes * 90));
    return new SftConfig(model, d.vocabSize(), d.batchSize(), d.questionsPerImage(), 1e-3, d.weightDecay(),
        Math.min(d.warmupSteps(), steps / 10), steps, minutes, d.gradClip(), d.checkpointEvery(), d.logEvery(), d.seed(),
        d.augment());
  }

  public static StudyBudget of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "quick" -> quick();
      case "full" -> full();
      default -> throw new IllegalArgumentException("unknown budget '" + name + "' (quick, full)");
    };
  }
}
