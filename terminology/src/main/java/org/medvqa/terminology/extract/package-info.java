/**
 * From free text to concept mentions, as a chain of small steps in the manner of a Lucene analyzer:
 * {@link org.medvqa.terminology.extract.Tokenizer} (spans into the original text, clause
 * boundaries) -> {@link org.medvqa.terminology.extract.FoldingStep} (NFKC, case, diacritics) ->
 * {@link org.medvqa.terminology.extract.AbbreviationStep} -> {@link org.medvqa.terminology.extract.WordFormStep}
 * (British spellings, irregular plurals, adjectives to organs, lay words) ->
 * {@link org.medvqa.terminology.extract.PluralStep} -> {@link org.medvqa.terminology.extract.StopStep} ->
 * {@link org.medvqa.terminology.extract.TypoStep} (bounded fuzzy correction), then
 * {@link org.medvqa.terminology.extract.SynonymDictionary} (longest match first), and
 * {@link org.medvqa.terminology.extract.NegationDetector} and
 * {@link org.medvqa.terminology.extract.LateralityDetector} attach polarity and side.
 * Dictionary terms go through the same normalising steps, so text and terms meet in one form.
 */
package org.medvqa.terminology.extract;
