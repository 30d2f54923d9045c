package org.medvqa.training.grpo;

import java.util.ArrayList;
import java.util.List;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.data.VqaExample;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.rewards.RewardContext;
import org.medvqa.training.sft.DatasetImages;
import org.medvqa.training.sft.PromptText;

/**
 * A dataset split as GRPO prompts, worded exactly as SFT and evaluation word them ({@link PromptText}:
 * multiple-choice options listed after the question). Each image is read once and shared by all
 * questions on it (the model then encodes it once per batch).
 */
public final class GrpoData {
  private GrpoData() {}

  public static List<GrpoExample> load(VqaDataset dataset, Split split) {
    return load(dataset, split, new DatasetImages());
  }

  public static List<GrpoExample> load(VqaDataset dataset, Split split, DatasetImages images) {
    List<GrpoExample> out = new ArrayList<>();
    for (VqaExample e : dataset.split(split)) {
      out.add(new GrpoExample(new VqaPrompt(images.load(dataset.imagePath(e)), PromptText.question(e)),
          RewardContext.of(e)));
    }
    return out;
  }
}
