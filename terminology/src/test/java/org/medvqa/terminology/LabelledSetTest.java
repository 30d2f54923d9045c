package org.medvqa.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.medvqa.terminology.align.SemanticAlignment;

/**
 * Agreement with the committed labelled pairs ({@code labelled-pairs.jsonl}: labels written as a
 * radiologist would grade the answer, before the scorer was run on them) at threshold 0.5.
 */
class LabelledSetTest {
  static final double THRESHOLD = 0.5;
  static final double AGREEMENT_FLOOR = 0.95;

  record Pair(int id, String category, String question, String answer, String reference, int label) {}

  static List<Pair> load() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Pair> pairs = new ArrayList<>();
    try (var in = new BufferedReader(new InputStreamReader(
        LabelledSetTest.class.getResourceAsStream("labelled-pairs.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode n = json.readTree(line);
        pairs.add(new Pair(n.get("id").asInt(), n.get("category").asText(),
            n.has("question") ? n.get("question").asText() : null, n.get("answer").asText(), n.get("reference").asText(),
            n.get("label").asInt()));
      }
    }
    return pairs;
  }

  @Test
  void agreesWithTheLabelsAtThresholdHalf() throws Exception {
    List<Pair> pairs = load();
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
    assertThat(pairs).extracting(Pair::label).contains(0, 1);
    SemanticAlignment alignment = TestTerminology.get().alignment();
    Map<String, int[]> byCategory = new TreeMap<>();
    List<String> disagreements = new ArrayList<>();
    int agree = 0;
    for (Pair p : pairs) {
      double score = alignment.score(p.answer(), p.reference(), p.question()).score();
      int predicted = score >= THRESHOLD ? 1 : 0;
      int[] c = byCategory.computeIfAbsent(p.category(), k -> new int[2]);
      c[1]++;
      if (predicted == p.label()) {
        agree++;
        c[0]++;
      } else {
        disagreements.add(String.format("#%d %s label %d score %.2f: %s | %s", p.id(), p.category(), p.label(), score,
            p.answer(), p.reference()));
      }
    }
    double agreement = agree / (double) pairs.size();
    System.out.printf("labelled pairs: agreement %d/%d = %.3f%n", agree, pairs.size(), agreement);
    byCategory.forEach((k, v) -> System.out.printf("  %-14s %d/%d%n", k, v[0], v[1]));
    disagreements.forEach(d -> System.out.println("  disagrees " + d));
    assertThat(agreement).as(String.join("\n", disagreements)).isGreaterThanOrEqualTo(AGREEMENT_FLOOR);
  }
}
