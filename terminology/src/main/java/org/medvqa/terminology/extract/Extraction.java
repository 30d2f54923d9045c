package org.medvqa.terminology.extract;

import java.util.List;

/** The analysed tokens of a text and the concepts found in it, in text order. */
public record Extraction(List<Token> tokens, List<ConceptMention> mentions) {}
