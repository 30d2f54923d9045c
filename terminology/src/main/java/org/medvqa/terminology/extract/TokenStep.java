package org.medvqa.terminology.extract;

import java.util.List;

/** One step of the analysis chain: tokens in, tokens out (a Lucene TokenFilter, in plain Java). */
public interface TokenStep {
  List<Token> apply(List<Token> tokens);
}
