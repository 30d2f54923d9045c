package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the analysis chain and nothing else. {@link #analyze} is for running text (with typo
 * correction); {@link #normalizeTerm} for dictionary terms (without it), so both meet in one form.
 */
public final class TextAnalyzer {
  private final Tokenizer tokenizer = new Tokenizer();
  private final List<TokenStep> normalising;
  private final TokenStep typos;

  public TextAnalyzer(LanguageResources language, TokenStep typos) {
    this.normalising = List.of(
        new FoldingStep(),
        new AbbreviationStep(language.abbreviations()),
        new WordFormStep(language.wordForms()),
        new PluralStep(),
        new WordFormStep(language.wordForms()),
        new StopStep());
    this.typos = typos;
  }

  public List<Token> analyze(String text) {
    List<Token> tokens = normalise(text);
    return typos == null ? tokens : typos.apply(tokens);
  }

  public List<Token> normalise(String text) {
    List<Token> tokens = tokenizer.tokenize(text);
    for (TokenStep step : normalising) {
      tokens = step.apply(tokens);
    }
    return tokens;
  }

  /** The normalised words of a dictionary term. */
  public List<String> normalizeTerm(String term) {
    List<Token> tokens = normalise(term);
    List<String> words = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      words.add(t.norm());
    }
    return words;
  }
}
