package org.medvqa.training.sft;

import java.util.ArrayList;
import java.util.List;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.data.VqaExample;

/** Turns a dataset split into SFT examples (images loaded once, shared by their questions). */
public final class SftData {
  private SftData() {}

  public static List<SftExample> examples(VqaDataset data, Split split, DatasetImages images) {
    List<SftExample> out = new ArrayList<>();
    for (VqaExample e : data.split(split)) {
      out.add(new SftExample(e.image(), images.load(data.imagePath(e)), PromptText.question(e), PromptText.target(e)));
    }
    return out;
  }
}
