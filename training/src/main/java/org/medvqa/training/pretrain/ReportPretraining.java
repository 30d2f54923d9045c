package org.medvqa.training.pretrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvqa.training.data.DatasetException;
import org.medvqa.training.data.Split;
import org.medvqa.training.sft.DatasetImages;
import org.medvqa.training.sft.SftConfig;
import org.medvqa.training.sft.SftExample;
import org.medvqa.training.sft.SftTrainer;

/**
 * Pretrains a {@code base} model: the language-model loss on each training image's report, with the
 * image as prefix and an empty prompt, through the SFT trainer (the loss is the same; only the text
 * differs). The tokenizer is trained on the reports plus the given extra texts (the VQA questions and
 * targets), so base and SFT models share a vocabulary; the weights never see a question.
 */
public final class ReportPretraining {
  public static final String REPORTS = "reports.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportPretraining() {}

  /** One example per training-split report: empty question, the report as target. */
  public static List<SftExample> examples(Path datasetDir, DatasetImages images) throws IOException {
    Path file = datasetDir.resolve(REPORTS);
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(datasetDir + " has no " + REPORTS + " (base pretraining needs image reports)");
    }
    List<SftExample> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = JSON.readTree(line);
      String split = row.path("split").asText(Split.TRAIN.label());
      String report = row.path("report").asText("");
      String image = row.path("image").asText("");
      if (!split.equals(Split.TRAIN.label()) || report.isBlank() || image.isBlank()) {
        continue;
      }
      out.add(new SftExample(image, images.load(datasetDir.resolve(image)), "", report.strip()));
    }
    if (out.isEmpty()) {
      throw new DatasetException(file + " has no training-split reports");
    }
    return out;
  }

  /** Trains the base model into {@code out} (its {@code model/} directory). */
  public static SftTrainer.Result train(List<SftExample> reports, List<String> tokenizerTexts, SftConfig config,
      Path out, PrintStream progress) throws IOException {
    return new SftTrainer(config, out, progress).withTokenizerTexts(tokenizerTexts).train(reports, false);
  }
}
