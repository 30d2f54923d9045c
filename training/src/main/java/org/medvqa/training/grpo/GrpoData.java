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
import org.medvqa.training.data.QuestionType;
import org.medvqa.training.data.Split;
import org.medvqa.training.data.VqaDataset;
import org.medvqa.training.data.VqaExample;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.rewards.RewardContext;

/**
 * A dataset split as GRPO prompts (multiple-choice options listed as {@code A: ...} lines after the
 * question). Each image file is read once and shared by all questions on it.
 */
public final class GrpoData {
  private GrpoData() {}

  public static List<GrpoExample> load(VqaDataset dataset, Split split) {
    Map<Path, ModelImage> images = new HashMap<>();
    List<GrpoExample> out = new ArrayList<>();
    for (VqaExample e : dataset.split(split)) {
      ModelImage image = images.computeIfAbsent(dataset.imagePath(e), GrpoData::read);
      out.add(new GrpoExample(new VqaPrompt(image, question(e)), RewardContext.of(e)));
    }
    return out;
  }

  static String question(VqaExample e) {
    StringBuilder s = new StringBuilder(e.question().strip());
    if (e.type() == QuestionType.MULTIPLE_CHOICE) {
      for (int i = 0; i < e.options().size(); i++) {
        s.append('\n').append((char) ('A' + i)).append(": ").append(e.options().get(i).strip());
      }
    }
    return s.toString();
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
