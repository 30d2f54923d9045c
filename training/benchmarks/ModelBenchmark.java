import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.medvqa.training.model.AdamW;
import org.medvqa.training.model.Completion;
import org.medvqa.training.model.GenerationOptions;
import org.medvqa.training.model.ImagePreprocessor;
import org.medvqa.training.model.ModelConfig;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.Provenance;
import org.medvqa.training.model.ResponseFormat;
import org.medvqa.training.model.TokenLogProbs;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.model.tokenizer.BpeTokenizer;

/**
 * The DJL side of the model benchmark (run by training/benchmarks/run-benchmark, which then runs the
 * PyTorch peer on the same workload and prints the ratios). Workload, all on the `small` model with
 * fixed random weights: greedy generation of up to 64 new tokens for 1 and for 16 prompts (16 distinct
 * images, image prefix included in the time), with the TorchScript-compiled decoder step (the default) and
 * on DJL blocks alone, and one SFT step (32 questions on 16 images, forward + backward + AdamW). Writes the
 * model, the workload and its timings to OUT_DIR.
 *
 *   java -cp plugin/target/classes:plugin/target/lib/* training/benchmarks/ModelBenchmark.java OUT_DIR
 */
public final class ModelBenchmark {
  static final int WARMUP = 5;
  static final int REPEATS = 11;
  static final int MAX_NEW = 64;

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Random r = new Random(11);
    List<String> corpus = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      corpus.add("Is there a nodule in the " + (i % 2 == 0 ? "left" : "right") + " lung? lesion mass cyst effusion " + i);
      corpus.add(ResponseFormat.format("There is a " + (i % 7) + " cm mass in the liver.", i % 3 == 0 ? "yes" : "no"));
    }
    BpeTokenizer tokenizer = BpeTokenizer.train(corpus, 768);
    ModelConfig config = ModelConfig.small();
    List<ModelImage> images = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      float[] p = new float[64 * 64];
      for (int j = 0; j < p.length; j++) {
        p[j] = r.nextFloat();
      }
      images.add(new ModelImage(1, 64, 64, p));
    }
    ImagePreprocessor pre = ImagePreprocessor.fit(config, images);
    ObjectMapper json = new ObjectMapper();
    ObjectNode result = json.createObjectNode();
    try (VqaModel model = VqaModel.create(config, tokenizer, pre, 3)) {
      model.parameters().forEach((name, param) -> { // spread the logits so greedy decoding is not degenerate
        float[] w = param.getArray().toFloatArray();
        for (int i = 0; i < w.length; i++) {
          w[i] += (float) r.nextGaussian() * 0.05f;
        }
        param.getArray().set(w);
      });
      model.save(out.resolve("model"), Provenance.untrained("benchmark model, random weights"));
      result.put("parameters", model.parameterCount());
      result.put("threads", ai.djl.pytorch.jni.JniUtils.getNumThreads());
      String[] questions = {"Is there a nodule?", "Which lobe holds the mass in this chest image?", "What modality is this?",
          "How many lesions are visible?"};
      List<VqaPrompt> batch16 = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        batch16.add(new VqaPrompt(images.get(i), questions[i % questions.length]));
      }
      List<VqaPrompt> batch1 = batch16.subList(0, 1);
      result.set("generate_b1", timeGeneration(model, batch1, json));
      result.set("generate_b16", timeGeneration(model, batch16, json));
      System.setProperty("medvqa.decoder", "blocks"); // the reference path: every step on DJL blocks
      result.set("generate_b1_blocks", timeGeneration(model, batch1, json));
      result.set("generate_b16_blocks", timeGeneration(model, batch16, json));
      System.clearProperty("medvqa.decoder");

      List<VqaPrompt> train = new ArrayList<>();
      List<int[]> targets = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        train.add(new VqaPrompt(images.get(i / 2), questions[i % questions.length]));
        targets.add(model.completionIds(ResponseFormat.format(
            "There is a " + (i % 5 + 1) + " cm mass in the " + (i % 2 == 0 ? "left" : "right") + " lower lobe of the lung.",
            i % 3 == 0 ? "yes" : "no")));
      }
      try (AdamW adam = new AdamW(model)) {
        double[] ms = new double[REPEATS];
        for (int k = -WARMUP; k < REPEATS; k++) {
          long t0 = System.nanoTime();
          try (NDManager m = model.newManager()) {
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
              TokenLogProbs lp = model.logProbs(m, train, targets, true);
              NDArray loss = lp.logProbs().sum().neg().div(lp.mask().sum());
              c.backward(loss);
              loss.getFloat();
            }
            adam.step(1e-4f, 0.01f, 1f);
          }
          if (k >= 0) {
            ms[k] = (System.nanoTime() - t0) / 1e6;
          }
        }
        ObjectNode step = json.createObjectNode();
        step.put("median_ms", median(ms));
        step.put("questions", 32);
        step.put("images", 16);
        result.set("sft_step", step);
      }
      ObjectNode workload = result.putObject("workload");
      ArrayNode px = workload.putArray("images");
      int per = 64 * 64;
      float[] standardised = new float[16 * per];
      for (int i = 0; i < 16; i++) {
        pre.standardise(images.get(i), standardised, i * per);
      }
      for (float v : standardised) {
        px.add(v);
      }
      ArrayNode prompts = workload.putArray("prompts");
      batch16.forEach(p -> prompts.add(json.valueToTree(model.promptIds(p.question()))));
      ArrayNode trainPrompts = workload.putArray("train_prompts");
      train.forEach(p -> trainPrompts.add(json.valueToTree(model.promptIds(p.question()))));
      ArrayNode trainTargets = workload.putArray("train_targets");
      targets.forEach(t -> trainTargets.add(json.valueToTree(t)));
      workload.put("max_new", MAX_NEW);
      workload.put("warmup", WARMUP);
      workload.put("repeats", REPEATS);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("djl.json").toFile(), result);
    System.out.println("djl: " + json.writeValueAsString(result.deepCopy().without("workload")));
  }

  static ObjectNode timeGeneration(VqaModel model, List<VqaPrompt> prompts, ObjectMapper json) {
    double[] ms = new double[REPEATS];
    int tokens = 0;
    for (int k = -WARMUP; k < REPEATS; k++) {
      long t0 = System.nanoTime();
      List<Completion> out = model.generate(prompts, GenerationOptions.greedy(MAX_NEW));
      double elapsed = (System.nanoTime() - t0) / 1e6;
      tokens = out.stream().mapToInt(c -> c.tokenIds().length).sum();
      if (k >= 0) {
        ms[k] = elapsed;
      }
    }
    ObjectNode n = json.createObjectNode();
    n.put("median_ms", median(ms));
    n.put("tokens", tokens);
    n.put("tokens_per_s", tokens / (median(ms) / 1000));
    return n;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
