package org.medvqa.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DJL model against an independent PyTorch implementation (training/benchmarks/medvqa_peer.py,
 * Debian's python3-torch) loading the same saved weights: teacher-forced logits agree to a relative
 * error of 1e-4 and KV-cached greedy decoding of a padded batch gives the same tokens.
 */
class PyTorchParityTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path PEER = Path.of("benchmarks/medvqa_peer.py");

  @Test
  void djlAndPyTorchAgreeOnLogitsAndGreedyTokens(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3 with python3-torch (.ci/system-deps test)");
    ModelConfig config = new ModelConfig("parity", 32, 1, 8, 48, 4, 2, 2, 4, 0, 64, 6, 8);
    ModelConfig sized = config.withVocabSize(TinyModels.tokenizer().vocabSize());
    Random r = new Random(5);
    List<ModelImage> images = List.of(TinyModels.randomImage(1, 32), TinyModels.randomImage(2, 40));
    ImagePreprocessor pre = ImagePreprocessor.fit(sized, images);
    try (VqaModel model = VqaModel.create(config, TinyModels.tokenizer(), pre, 17)) {
      // larger weights than the N(0, 0.02) init, so attention and MLPs are far from linear
      model.parameters().forEach((name, p) -> {
        float[] w = p.getArray().toFloatArray();
        for (int i = 0; i < w.length; i++) {
          w[i] += (float) r.nextGaussian() * 0.2f;
        }
        p.getArray().set(w);
      });
      Path dir = tmp.resolve("model");
      model.save(dir, Provenance.untrained("parity"));
      List<VqaPrompt> prompts = List.of(new VqaPrompt(images.get(0), "Is there a nodule?"),
          new VqaPrompt(images.get(1), "How many lesions are there in this image today?"),
          new VqaPrompt(images.get(0), "What modality?"));
      List<int[]> completions = new ArrayList<>();
      for (int len : new int[] {5, 9, 2}) {
        int[] c = new int[len];
        for (int i = 0; i < len; i++) {
          c[i] = 3 + r.nextInt(model.tokenizer().vocabSize() - 3);
        }
        completions.add(c);
      }
      float[] djl;
      long[] shape;
      try (NDManager m = model.newManager()) {
        var logits = model.completionLogits(m, prompts, completions);
        djl = logits.toFloatArray();
        shape = logits.getShape().getShape();
      }
      List<Completion> greedy = model.generate(prompts, GenerationOptions.greedy(6));

      ObjectMapper json = new ObjectMapper();
      ObjectNode c = json.createObjectNode();
      c.put("model", dir.toString());
      int per = sized.channels() * 32 * 32;
      float[] pixels = new float[2 * per];
      pre.standardise(images.get(0), pixels, 0);
      pre.standardise(images.get(1), pixels, per);
      ArrayNode px = c.putArray("images");
      for (float v : pixels) {
        px.add(v);
      }
      c.putArray("image_shape").add(2).add(1).add(32).add(32);
      c.putArray("rows").add(0).add(1).add(0);
      ArrayNode ps = c.putArray("prompts");
      prompts.forEach(p -> {
        ArrayNode a = ps.addArray();
        for (int id : model.promptIds(p.question())) {
          a.add(id);
        }
      });
      ArrayNode cs = c.putArray("completions");
      completions.forEach(comp -> {
        ArrayNode a = cs.addArray();
        for (int id : comp) {
          a.add(id);
        }
      });
      c.put("max_new", 6);
      Path caseFile = tmp.resolve("case.json");
      Path outFile = tmp.resolve("out.json");
      json.writeValue(caseFile.toFile(), c);
      Process p = new ProcessBuilder(PYTHON.toString(), PEER.toString(), "parity", caseFile.toString(), outFile.toString())
          .redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor()).as(log).isZero();
      JsonNode out = json.readTree(outFile.toFile());
      assertThat(out.path("shape").toString()).isEqualTo(json.valueToTree(shape).toString());
      double maxDiff = 0;
      double maxAbs = 0;
      for (int i = 0; i < djl.length; i++) {
        double t = out.path("logits").get(i).asDouble();
        maxDiff = Math.max(maxDiff, Math.abs(djl[i] - t));
        maxAbs = Math.max(maxAbs, Math.abs(t));
      }
      assertThat(maxAbs).isGreaterThan(1.0);
      assertThat(maxDiff / maxAbs).as("relative error of the logits").isLessThanOrEqualTo(1e-4);
      for (int i = 0; i < prompts.size(); i++) {
        List<Integer> torchTokens = new ArrayList<>();
        out.path("greedy").get(i).forEach(n -> torchTokens.add(n.asInt()));
        assertThat(greedy.get(i).tokenIds()).containsExactly(torchTokens.stream().mapToInt(Integer::intValue).toArray());
      }
    }
  }
}
