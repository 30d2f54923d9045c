package org.medvqa.training.sft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The data order of one epoch, a pure function of (examples, seed, epoch) so a resumed run replays it:
 * questions are grouped by image into units of at most {@code questionsPerImage}, the units shuffled,
 * and batches filled with whole units until they hold {@code batchSize} questions. Questions on one
 * image in one batch share the image prefix.
 */
final class BatchPlan {
  private BatchPlan() {}

  static List<List<Integer>> epoch(List<SftExample> examples, int batchSize, int questionsPerImage, long seed, int epoch) {
    Random random = new Random(seed * 1_000_003L + epoch);
    Map<String, List<Integer>> byImage = new LinkedHashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      byImage.computeIfAbsent(examples.get(i).imageId(), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> units = new ArrayList<>();
    for (List<Integer> group : byImage.values()) {
      List<Integer> shuffled = new ArrayList<>(group);
      Collections.shuffle(shuffled, random);
      for (int from = 0; from < shuffled.size(); from += questionsPerImage) {
        units.add(shuffled.subList(from, Math.min(shuffled.size(), from + questionsPerImage)));
      }
    }
    Collections.shuffle(units, random);
    List<List<Integer>> batches = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (List<Integer> unit : units) {
      current.addAll(unit);
      if (current.size() >= batchSize) {
        batches.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }
}
