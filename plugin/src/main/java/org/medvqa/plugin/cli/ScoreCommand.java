package org.medvqa.plugin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medvqa.terminology.Terminology;
import org.medvqa.terminology.TerminologyException;
import org.medvqa.terminology.align.AlignmentResult;
import org.medvqa.terminology.json.TerminologyJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvqa score}: scores an answer against a reference. Thin on purpose: {@link #scoreOne}
 * makes one JSON object per pair ({@code semantic} and the concepts); other reward components are
 * added there when they exist.
 */
@Command(name = "score", description = "Score an answer against a reference with the reward functions")
public final class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @ArgGroup(exclusive = false)
    Pair pair;

    @Option(names = "--input", paramLabel = "FILE.jsonl",
        description = "one JSON object per line with answer, reference and optional question ('-' for stdin); prints one JSON object per line")
    Path file;
  }

  static final class Pair {
    @Option(names = "--answer", required = true, paramLabel = "TEXT") String answer;
    @Option(names = "--reference", required = true, paramLabel = "TEXT") String reference;
    @Option(names = "--question", paramLabel = "TEXT") String question;
  }

  @Option(names = "--json", description = "print one JSON document")
  boolean json;

  @Option(names = "--index", paramLabel = "DIR", description = "a concept index (default: the built-in one)")
  Path index;

  @Override
  public Integer call() {
    Terminology terminology = TermsCommand.open(index);
    try {
      PrintWriter out = spec.commandLine().getOut();
      if (input.file != null) {
        return scoreFile(terminology, input.file, out);
      }
      Pair p = input.pair;
      ObjectNode result = scoreOne(terminology, p.answer, p.reference, p.question);
      if (json) {
        out.println(result.toString());
      } else {
        printPlain(result, out);
      }
      out.flush();
      return ExitCodes.OK;
    } finally {
      if (index != null) {
        terminology.close();
      }
    }
  }

  /** The JSON object for one pair: {@code semantic} and the concepts behind it. */
  static ObjectNode scoreOne(Terminology terminology, String answer, String reference, String question) {
    AlignmentResult r = terminology.alignment().score(answer, reference, question);
    return TerminologyJson.alignment(r);
  }

  private int scoreFile(Terminology terminology, Path file, PrintWriter out) {
    int bad = 0;
    int lineNumber = 0;
    try (BufferedReader reader = "-".equals(file.toString())
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        ObjectNode result;
        try {
          result = scoreLine(terminology, line);
        } catch (BadInputException | TerminologyException e) {
          bad++;
          result = TerminologyJson.MAPPER.createObjectNode();
          result.put("error", e.getMessage());
        }
        ObjectNode withLine = TerminologyJson.MAPPER.createObjectNode();
        withLine.put("line", lineNumber);
        withLine.setAll(result);
        out.println(withLine.toString());
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException("no such file: " + file);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new BadInputException(file + ": line " + (lineNumber + 1) + " is not valid UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
    if (bad > 0) {
      spec.commandLine().getErr().printf(Locale.ROOT, "medvqa score: %d of %d lines were bad input (see their \"error\")%n", bad, lineNumber);
      spec.commandLine().getErr().flush();
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.OK;
  }

  private static ObjectNode scoreLine(Terminology terminology, String line) {
    if (line.isBlank()) {
      throw new BadInputException("blank line");
    }
    JsonNode node;
    try {
      node = TerminologyJson.MAPPER.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadInputException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadInputException("expected a JSON object with answer and reference");
    }
    String answer = text(node, "answer", true);
    String reference = text(node, "reference", true);
    String question = text(node, "question", false);
    return scoreOne(terminology, answer, reference, question);
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new BadInputException("missing \"" + field + "\"");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new BadInputException("\"" + field + "\" must be a string");
    }
    return v.asText();
  }

  private static void printPlain(ObjectNode result, PrintWriter out) {
    out.printf(Locale.ROOT, "semantic %.4f  (%s)%n", result.get("semantic").asDouble(), result.get("explanation").asText());
    for (JsonNode m : result.get("matched")) {
      out.printf(Locale.ROOT, "  matched  %-30s ~ %-30s credit %.2f (%s)%n", label(m.get("answer")), label(m.get("reference")),
          m.get("credit").asDouble(), m.get("how").asText());
    }
    for (JsonNode m : result.get("missed")) {
      out.println("  missed   " + label(m));
    }
    for (JsonNode m : result.get("extra")) {
      out.println("  extra    " + label(m));
    }
    for (JsonNode c : result.get("contradictions")) {
      out.println("  contradiction (" + c.get("reason").asText() + "): " + label(c.get("answer")) + " vs " + label(c.get("reference")));
    }
  }

  private static String label(JsonNode m) {
    String side = m.get("laterality").isNull() ? "" : m.get("laterality").asText() + " ";
    return (m.get("negated").asBoolean() ? "no " : "") + side + m.get("name").asText() + " [" + m.get("scheme").asText() + ":"
        + m.get("code").asText() + "]";
  }
}
