package org.medvqa.training.sft;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.ResponseFormat;

/**
 * A trivial visual task for tests: a noisy 32x32 image with a bright square on the left, on the right,
 * or nowhere. Questions: "Is there a spot?" (yes/no) and "Which side is the spot on?" (left/right).
 * Answering above chance needs the image.
 */
final class SyntheticVqa {
  record Item(String imageId, ModelImage image, String question, String answer, String reasoning) {}

  private SyntheticVqa() {}

  static List<Item> generate(int images, long seed) {
    Random r = new Random(seed);
    List<Item> items = new ArrayList<>();
    for (int n = 0; n < images; n++) {
      int side = r.nextInt(3); // 0 none, 1 left, 2 right
      float[] p = new float[32 * 32];
      for (int i = 0; i < p.length; i++) {
        p[i] = 0.2f + 0.1f * r.nextFloat();
      }
      if (side > 0) {
        int x0 = side == 1 ? 3 + r.nextInt(6) : 19 + r.nextInt(6);
        int y0 = 4 + r.nextInt(18);
        for (int y = y0; y < y0 + 7; y++) {
          for (int x = x0; x < x0 + 7; x++) {
            p[y * 32 + x] = 0.9f;
          }
        }
      }
      ModelImage image = new ModelImage(1, 32, 32, p);
      String id = "img" + n;
      items.add(new Item(id, image, "Is there a spot?", side > 0 ? "yes" : "no",
          side > 0 ? "A bright spot is seen." : "No bright spot is seen."));
      if (side > 0) {
        String s = side == 1 ? "left" : "right";
        items.add(new Item(id, image, "Which side is the spot on?", s, "The spot is on the " + s + "."));
      }
    }
    return items;
  }

  static List<SftExample> sft(List<Item> items) {
    return items.stream()
        .map(i -> new SftExample(i.imageId(), i.image(), i.question(), ResponseFormat.format(i.reasoning(), i.answer())))
        .toList();
  }
}
