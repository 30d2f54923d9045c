package org.medvqa.training.grpo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.data.VqaExample;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.rewards.RewardContext;

/**
 * A dataset split as GRPO prompts. Each image file is read once and its {@link ModelImage} shared by
 * all questions on it (the model then encodes it once per batch).
 */
public final class GrpoData {
  private GrpoData() {}

  public static List<GrpoExample> load(VqaDataset dataset, Split split) {
    Map<Path, ModelImage> images = new HashMap<>();
    List<GrpoExample> out = new ArrayList<>();
    for (VqaExample e : dataset.split(split)) {
      ModelImage image = images.computeIfAbsent(dataset.imagePath(e), GrpoData::read);
      out.add(new GrpoExample(new VqaPrompt(image, e.question()), RewardContext.of(e)));
    }
    return out;
  }

  static ModelImage read(Path file) {
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image == null) {
        throw new IllegalArgumentException("not a readable image: " + file);
      }
      return ModelImage.fromBufferedImage(image);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + file, e);
    }
  }
}
