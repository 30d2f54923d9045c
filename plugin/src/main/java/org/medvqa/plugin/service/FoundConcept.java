package org.medvqa.plugin.service;

/**
 * A terminology concept found in an answer: {@code text.substring(start, end)} is the mention.
 *
 * @param kind anatomy, finding, modality, plane, laterality or qualifier
 * @param negated the mention is negated ("no effusion")
 */
public record FoundConcept(
    String code, String scheme, String name, String kind, int start, int end, boolean negated) {}
