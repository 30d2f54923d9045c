package org.medvqa.plugin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvqa.terminology.Terminology;
import org.medvqa.terminology.extract.ConceptMention;
import org.medvqa.terminology.json.TerminologyJson;
import org.medvqa.terminology.source.ConceptSource;
import org.medvqa.terminology.source.DefaultSources;
import org.medvqa.terminology.source.SourceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medvqa terms}: look up medical concepts in text; build the concept index. */
@Command(
    name = "terms",
    description = "Look up medical concepts in text; build the concept index",
    subcommands = {TermsCommand.Lookup.class, TermsCommand.Build.class})
public final class TermsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Lucene's advice about the JDK's vector module is noise on a command line; kept referenced so it stays quiet. */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

  /** Opens the index named by {@code --index}, or the shared default one (built on first use). */
  static Terminology open(Path index) {
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
    return index == null ? Terminology.shared() : Terminology.open(index);
  }

  /** {@code medvqa terms lookup TEXT [--json]}. */
  @Command(name = "lookup", description = "Print the concepts found in TEXT: scheme, code, name, kind, negation, side, span")
  static final class Lookup implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "the text (several words are joined by spaces)")
    List<String> words;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--index", paramLabel = "DIR", description = "a concept index (default: the built-in one)")
    Path index;

    @Override
    public Integer call() {
      String text = String.join(" ", words);
      PrintWriter out = spec.commandLine().getOut();
      Terminology terminology = open(index);
      try {
        List<ConceptMention> mentions = terminology.extractor().extract(text);
        if (json) {
          ObjectNode doc = TerminologyJson.MAPPER.createObjectNode();
          doc.put("text", text);
          doc.set("concepts", TerminologyJson.mentions(mentions));
          out.println(doc.toString());
        } else if (mentions.isEmpty()) {
          out.println("no concepts found");
        } else {
          for (ConceptMention m : mentions) {
            out.printf("%-28s %-9s %-10s %-8s %-9s %d-%d  \"%s\"%s%n",
                m.concept().scheme() + ":" + m.concept().code(), m.concept().kind().label(),
                m.negated() ? "negated" : "affirmed", m.laterality() == null ? "-" : m.laterality().label(),
                "", m.start(), m.end(), m.text(), "  " + m.concept().name() + (m.corrected() ? " (typo corrected)" : ""));
          }
        }
        out.flush();
        return ExitCodes.OK;
      } finally {
        if (index != null) {
          terminology.close();
        }
      }
    }
  }

  /** {@code medvqa terms build [--source FORMAT[:KIND]=PATH ...] --index DIR}. */
  @Command(name = "build", description = {
      "Build a concept index from the built-in sources (DICOM PS3.16, PixelMed anatomy, medvqa lexicon)",
      "plus any --source: umls=DIR (MRCONSO.RRF, MRREL.RRF, MRSTY.RRF), snomed=DIR (RF2 Snapshot),",
      "obo[:KIND]=FILE, csv[:KIND]=FILE, tsv[:KIND]=FILE, dicom=FILE, pixelmed=FILE, lexicon=FILE."})
  static final class Build implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--source", paramLabel = "FORMAT[:KIND]=PATH", description = "an extra source, read after the built-in ones")
    List<String> sources = new ArrayList<>();

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "where to write the index (replaced)")
    Path index;

    @Option(names = "--no-defaults", description = "leave out the built-in sources")
    boolean noDefaults;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
      List<ConceptSource> all = new ArrayList<>();
      if (!noDefaults) {
        all.addAll(DefaultSources.all());
      }
      for (String s : sources) {
        all.add(SourceSpec.parse(s).open());
      }
      if (all.isEmpty()) {
        throw new BadInputException("nothing to build: --no-defaults and no --source");
      }
      PrintWriter err = spec.commandLine().getErr();
      for (ConceptSource s : all) {
        err.println("medvqa terms build: reading " + s.describe());
      }
      err.flush();
      long start = System.nanoTime();
      int count = Terminology.build(all, index);
      double seconds = (System.nanoTime() - start) / 1e9;
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode doc = TerminologyJson.MAPPER.createObjectNode();
        doc.put("index", index.toAbsolutePath().toString());
        doc.put("concepts", count);
        ArrayNode described = doc.putArray("sources");
        all.forEach(s -> described.add(s.describe()));
        doc.put("seconds", Math.round(seconds * 100) / 100.0);
        out.println(doc.toString());
      } else {
        out.printf("built %d concepts into %s in %.1f s%n", count, index.toAbsolutePath(), seconds);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
