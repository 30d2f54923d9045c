package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medvqa.terminology.source.TextFile;

/**
 * The lexicon's language tables (everything but concepts), read once from the class path:
 * {@code abbreviations.tsv}, {@code word-forms.tsv}, {@code negation.tsv}, {@code common-words.txt} and
 * {@code english-words.txt} (never typo-corrected), {@code generic-words.txt} (not concepts on their own).
 */
public record LanguageResources(
    Map<String, List<AbbreviationStep.Abbreviation>> abbreviations,
    Map<String, String> wordForms,
    List<NegationDetector.Trigger> negationTriggers,
    Set<String> commonWords,
    Set<String> genericWords) {

  private static volatile LanguageResources bundled;

  public static LanguageResources bundled() {
    LanguageResources r = bundled;
    if (r == null) {
      synchronized (LanguageResources.class) {
        r = bundled;
        if (r == null) {
          r = load(
              TextFile.resource("lexicon/abbreviations.tsv"),
              TextFile.resource("lexicon/word-forms.tsv"),
              TextFile.resource("lexicon/negation.tsv"),
              List.of(TextFile.resource("lexicon/common-words.txt"), TextFile.resource("lexicon/english-words.txt")),
              TextFile.resource("lexicon/generic-words.txt"));
          bundled = r;
        }
      }
    }
    return r;
  }

  public static LanguageResources load(TextFile abbreviationFile, TextFile formFile, TextFile negationFile, List<TextFile> commonFiles,
      TextFile genericFile) {
    Map<String, String> forms = new HashMap<>();
    formFile.forEachTsvRow(
        (line, c) -> {
          if (c[0].equals("form")) {
            return;
          }
          if (c.length < 2) {
            throw formFile.badRow(line, "expected form, base, type, source");
          }
          forms.put(FoldingStep.fold(c[0].strip()), FoldingStep.fold(c[1].strip()));
        });
    Map<String, List<AbbreviationStep.Abbreviation>> abbreviations = new HashMap<>();
    abbreviationFile.forEachTsvRow(
        (line, c) -> {
          if (c[0].equals("abbreviation")) {
            return;
          }
          if (c.length < 3) {
            throw abbreviationFile.badRow(line, "expected abbreviation, expansion, case (exact|any), source");
          }
          String abbreviation = c[0].strip();
          List<String> words = new ArrayList<>();
          for (Token t : new Tokenizer().tokenize(c[1])) {
            words.add(FoldingStep.fold(t.surface()));
          }
          boolean exact = c[2].strip().equals("exact");
          abbreviations
              .computeIfAbsent(FoldingStep.fold(abbreviation), k -> new ArrayList<>())
              .add(new AbbreviationStep.Abbreviation(List.copyOf(words), exact ? abbreviation : null));
        });
    List<NegationDetector.Trigger> triggers = new ArrayList<>();
    negationFile.forEachTsvRow(
        (line, c) -> {
          if (c[0].equals("phrase")) {
            return;
          }
          if (c.length < 2) {
            throw negationFile.badRow(line, "expected phrase, role (pre|post|pseudo|end)");
          }
          triggers.add(new NegationDetector.Trigger(c[0].strip(), NegationDetector.Role.parse(c[1], negationFile, line)));
        });
    Set<String> common = new HashSet<>();
    for (TextFile commonFile : commonFiles) {
      commonFile.forEachLine(
          (line, text) -> {
            String w = text.strip();
            if (!w.isEmpty() && !w.startsWith("#")) {
              common.add(PluralStep.singular(FoldingStep.fold(w)));
              common.add(FoldingStep.fold(w));
            }
          });
    }
    Set<String> generic = new HashSet<>();
    genericFile.forEachLine(
        (line, text) -> {
          String w = text.strip();
          if (!w.isEmpty() && !w.startsWith("#")) {
            generic.add(PluralStep.singular(FoldingStep.fold(w)));
          }
        });
    return new LanguageResources(Map.copyOf(abbreviations), Map.copyOf(forms), List.copyOf(triggers), Set.copyOf(common),
        Set.copyOf(generic));
  }
}
