package org.medvqa.training.model.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Learns BPE merges: count pre-tokenised words, then repeatedly merge the most frequent adjacent pair
 * (ties broken by the smaller pair of ids, so training is deterministic). The special tokens are cut
 * out of the corpus first and never take part in merges.
 */
final class BpeTrainer {
  private BpeTrainer() {}

  static BpeTokenizer train(Iterable<String> corpus, int vocabSize) {
    int wanted = vocabSize - BpeTokenizer.FIRST_MERGE_ID;
    if (wanted < 0) {
      throw new IllegalArgumentException(
          "vocabulary size must be at least " + BpeTokenizer.FIRST_MERGE_ID + " (specials + bytes)");
    }
    Map<String, Integer> wordCounts = new TreeMap<>();
    for (String text : corpus) {
      for (String part : text.split(String.join("|",
          BpeTokenizer.SPECIALS.stream().map(java.util.regex.Pattern::quote).toList()))) {
        Matcher m = BpeTokenizer.PRE_TOKEN.matcher(part);
        while (m.find()) {
          wordCounts.merge(m.group(), 1, Integer::sum);
        }
      }
    }
    List<int[]> words = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : wordCounts.entrySet()) {
      byte[] bytes = e.getKey().getBytes(StandardCharsets.UTF_8);
      int[] ids = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        ids[i] = BpeTokenizer.FIRST_BYTE_ID + (bytes[i] & 0xff);
      }
      words.add(ids);
      counts.add(e.getValue());
    }
    List<int[]> merges = new ArrayList<>();
    for (int next = BpeTokenizer.FIRST_MERGE_ID; merges.size() < wanted; next++) {
      Map<Long, Long> pairCounts = new HashMap<>();
      for (int w = 0; w < words.size(); w++) {
        int[] ids = words.get(w);
        for (int i = 0; i + 1 < ids.length; i++) {
          pairCounts.merge(BpeTokenizer.pairKey(ids[i], ids[i + 1]), (long) counts.get(w), Long::sum);
        }
      }
      long bestKey = -1;
      long bestCount = 1; // a pair seen once is not worth a token
      for (Map.Entry<Long, Long> e : pairCounts.entrySet()) {
        if (e.getValue() > bestCount || (e.getValue() == bestCount && bestKey >= 0 && e.getKey() < bestKey)) {
          bestCount = e.getValue();
          bestKey = e.getKey();
        }
      }
      if (bestKey < 0) {
        break;
      }
      int left = (int) (bestKey >>> 32);
      int right = (int) bestKey;
      merges.add(new int[] {left, right});
      for (int w = 0; w < words.size(); w++) {
        words.set(w, mergeAll(words.get(w), left, right, next));
      }
    }
    return new BpeTokenizer(merges.toArray(new int[0][]));
  }

  private static int[] mergeAll(int[] ids, int left, int right, int merged) {
    int[] out = new int[ids.length];
    int n = 0;
    for (int i = 0; i < ids.length; i++) {
      if (i + 1 < ids.length && ids[i] == left && ids[i + 1] == right) {
        out[n++] = merged;
        i++;
      } else {
        out[n++] = ids[i];
      }
    }
    return n == ids.length ? ids : java.util.Arrays.copyOf(out, n);
  }
}
