package org.medvqa.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medvqa.training.data.CheckReport;
import org.medvqa.training.data.DatasetChecker;
import org.medvqa.training.data.RowProblem;
import org.medvqa.training.data.Split;
import org.medvqa.training.phantom.FindingType;
import org.medvqa.training.phantom.ImageFormat;
import org.medvqa.training.phantom.PhantomConfig;
import org.medvqa.training.phantom.PhantomVqaGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medvqa data}: generate PhantomVQA ({@code data phantom}) and check a dataset directory
 * ({@code data check}). {@code data check} exits 0 when the dataset is clean and 3 (bad input) when it
 * found problems, with a one-line summary on stderr; the details go to stdout (or one JSON document
 * with {@code --json}).
 */
@Command(name = "data", description = "Generate PhantomVQA data; check a dataset",
    subcommands = {DataCommand.Phantom.class, DataCommand.Check.class})
public final class DataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(name = "phantom", description = "Generate a PhantomVQA dataset (DICOM phantoms, questions, reports)")
  static final class Phantom implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, description = "new dataset directory (must not exist or be empty)")
    Path out;

    @Option(names = "--n", defaultValue = "600", description = "phantoms (one image each, ~5 questions each; default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--seed", defaultValue = "7", description = "seed; the same seed gives byte-identical files (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--yes-ratio", defaultValue = "0.5", description = "wanted share of yes among closed questions (default ${DEFAULT-VALUE})")
    double yesRatio;

    @Option(names = "--image-size", defaultValue = "64", description = "image rows = columns in pixels (default ${DEFAULT-VALUE})")
    int imageSize;

    @Option(names = "--paraphrase-rate", defaultValue = "0.3", description = "share of questions in a non-canonical phrasing (default ${DEFAULT-VALUE})")
    double paraphraseRate;

    @Option(names = "--prevalence", description = "prevalence of a finding, e.g. --prevalence nodule=0.5 (nodule, mass, "
        + "pleural_effusion, cardiomegaly, cyst, hydrocephalus); repeatable")
    Map<String, Double> prevalence = Map.of();

    // PNG by default until every trainer reads images through DatasetImages (GrpoData uses ImageIO).
    @Option(names = "--format", defaultValue = "dicom", description = "image files: dicom or png (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--json", description = "print one JSON document describing what was written")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PhantomConfig config;
      ImageFormat imageFormat;
      try {
        Map<FindingType, Double> p = new EnumMap<>(FindingType.class);
        prevalence.forEach((key, value) -> p.put(findingType(key), value));
        config = PhantomConfig.defaults().withN(n).withSeed(seed).withYesRatio(yesRatio).withImageSize(imageSize)
            .withParaphraseRate(paraphraseRate).withPrevalence(p);
        imageFormat = ImageFormat.valueOf(format.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage().startsWith("No enum constant")
            ? "--format must be dicom or png, got '" + format + "'" : e.getMessage(), e);
      }
      PrintWriter err = spec.commandLine().getErr();
      ProgressBar bar = new ProgressBar(err, "phantoms");
      PhantomVqaGenerator.Result r = new PhantomVqaGenerator(config, imageFormat).generate(out, bar::update);
      bar.finish();
      PrintWriter stdout = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("dataset", r.dir().toString());
        ObjectNode ph = o.putObject("phantoms");
        ObjectNode q = o.putObject("questions");
        for (Split s : Split.values()) {
          ph.put(s.label(), r.phantoms().get(s));
          q.put(s.label(), r.questions().get(s));
        }
        o.put("closed_yes_rate", r.closedYesRate());
        o.put("content_sha256", r.contentSha256());
        stdout.println(o.toString());
      } else {
        stdout.printf(Locale.ROOT, "PhantomVQA written to %s: %d phantoms, %d questions (train %d, val %d, test %d), "
                + "closed yes-rate %.3f, sha256 %s%n",
            r.dir(), config.n(), r.totalQuestions(), r.questions().get(Split.TRAIN), r.questions().get(Split.VAL),
            r.questions().get(Split.TEST), r.closedYesRate(), r.contentSha256());
      }
      stdout.flush();
      return ExitCodes.OK;
    }

    private static FindingType findingType(String key) {
      for (FindingType t : FindingType.values()) {
        if (t.key().equals(key.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_'))) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown finding '" + key + "' in --prevalence; known: "
          + String.join(", ", java.util.Arrays.stream(FindingType.values()).map(FindingType::key).toList()));
    }
  }

  @Command(name = "check", description = "Check a dataset directory: malformed rows, empty answers, missing images, "
      + "images shared across splits (and with --decode, unreadable images). Exit 0 when clean, 3 when problems were found.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "dataset directory (PhantomVQA/JSONL, VQA-RAD, SLAKE or PMC-VQA layout)")
    Path dir;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--decode", description = "also decode every image once (slower; finds corrupt files)")
    boolean decode;

    @Option(names = "--max-listed", defaultValue = "50", description = "problems listed in text output (default ${DEFAULT-VALUE})")
    int maxListed;

    @Override
    public Integer call() {
      CheckReport report = DatasetChecker.check(dir, decode);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(report.toJson().toString());
      } else {
        out.println(report.summary());
        int listed = 0;
        for (RowProblem p : report.problems()) {
          if (listed++ >= maxListed) {
            out.println("... and " + (report.problems().size() - maxListed) + " more problems");
            break;
          }
          out.println("  " + p);
        }
        report.duplicateImages().forEach(d -> out.println("  shared across splits: " + d));
      }
      out.flush();
      if (report.clean()) {
        return ExitCodes.OK;
      }
      spec.commandLine().getErr().println("medvqa: dataset has problems: " + report.summary());
      return ExitCodes.BAD_INPUT;
    }
  }

  /** A one-line progress bar on stderr, redrawn with a carriage return, at most 100 times. */
  static final class ProgressBar {
    private final PrintWriter err;
    private final String unit;
    private int lastPercent = -1;

    ProgressBar(PrintWriter err, String unit) {
      this.err = err;
      this.unit = unit;
    }

    void update(int done, int total) {
      int percent = (int) (100L * done / Math.max(1, total));
      if (percent == lastPercent) {
        return;
      }
      lastPercent = percent;
      int filled = percent * 30 / 100;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + done + "/" + total + " " + unit);
      err.flush();
    }

    void finish() {
      if (lastPercent >= 0) {
        err.println();
        err.flush();
      }
    }
  }
}
