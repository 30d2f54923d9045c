package org.medvqa.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomReader;
import org.medvqa.dicom.DicomSeries;
import org.medvqa.dicom.ImagePipeline;
import org.medvqa.dicom.PreprocessOptions;
import org.medvqa.dicom.SeriesIndex;
import org.medvqa.training.model.Completion;
import org.medvqa.training.model.GenerationOptions;
import org.medvqa.training.model.ModelImage;
import org.medvqa.training.model.ResponseFormat;
import org.medvqa.training.model.VqaModel;
import org.medvqa.training.model.VqaPrompt;
import org.medvqa.training.sft.DatasetImages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvqa ask}: one question about one image, answered by a model (the default model unless --model). */
@Command(name = "ask", mixinStandardHelpOptions = true, description = "Ask a question about a DICOM file, a series or an image")
public final class AskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--image", description = "a PNG or JPEG image")
    Path image;

    @Option(names = "--dicom", description = "a DICOM file or a folder holding a series")
    Path dicom;
  }

  @Option(names = "--question", required = true, description = "the question")
  String question;

  @Option(names = "--model", description = "model directory (default: the bundled default model)")
  Path model;

  @Option(names = "--max-new-tokens", defaultValue = "96", description = "generation limit (default ${DEFAULT-VALUE})")
  int maxNewTokens;

  @Option(names = "--json", description = "print one JSON document")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (question.isBlank()) {
      throw new BadInputException("the question is empty");
    }
    ModelImage image = loadImage();
    Path dir = model != null ? model : defaultModel();
    try (VqaModel vqa = VqaModel.load(dir)) {
      Completion c = vqa.generate(List.of(new VqaPrompt(image, question)), GenerationOptions.greedy(maxNewTokens)).get(0);
      var out = spec.commandLine().getOut();
      if (json) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("question", question);
        n.put("answer", ResponseFormat.answerOf(c.text()));
        n.put("reasoning", ResponseFormat.reasoningOf(c.text()));
        n.put("completion", c.text());
        n.put("finish_reason", c.finishReason().name().toLowerCase(java.util.Locale.ROOT));
        n.put("tokens", c.tokenIds().length);
        n.put("model", dir.toString());
        out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(n));
      } else {
        out.println(ResponseFormat.answerOf(c.text()));
        String reasoning = ResponseFormat.reasoningOf(c.text());
        if (!reasoning.isEmpty()) {
          out.println("reasoning: " + reasoning);
        }
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  private ModelImage loadImage() {
    if (source.image != null) {
      if (!Files.isRegularFile(source.image)) {
        throw new BadInputException("no such image file: " + source.image);
      }
      try {
        return DatasetImages.read(source.image);
      } catch (RuntimeException e) {
        throw new BadInputException("cannot read image " + source.image + ": " + e.getMessage(), e);
      }
    }
    if (Files.isDirectory(source.dicom)) {
      return representativeSlice(source.dicom);
    }
    if (!Files.isRegularFile(source.dicom)) {
      throw new BadInputException("no such DICOM file or folder: " + source.dicom);
    }
    return DatasetImages.read(source.dicom);
  }

  /** A folder: its first series (in the index's order), and that series' representative slice. */
  private static ModelImage representativeSlice(Path folder) {
    DicomReader reader = Dicom.reader();
    SeriesIndex.Scan scan;
    try {
      scan = new SeriesIndex(reader).scan(folder);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + folder + ": " + e.getMessage(), e);
    }
    if (scan.series().isEmpty()) {
      throw new BadInputException("no DICOM image series in " + folder);
    }
    DicomSeries.FrameRef slice = scan.series().get(0).representative();
    try {
      DicomReader.DecodedImage d = reader.read(slice.file(), slice.frameIndex());
      return ModelImage.fromModelReady(new ImagePipeline(PreprocessOptions.DEFAULT).apply(d.info(), d.frame()));
    } catch (IOException e) {
      throw new BadInputException("cannot decode " + slice.file() + ": " + e.getMessage(), e);
    }
  }

  /** {@code plugin/models/default} under the medvqa home (the launcher sets {@code medvqa.home}). */
  static Path defaultModel() {
    String home = System.getProperty("medvqa.home", ".");
    return Path.of(home, "plugin", "models", "default");
  }
}
