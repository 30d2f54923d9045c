package org.medvqa.plugin.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON body of {@code POST /api/v1/ask} by reference: a study in the configured source, an
 * optional series and instance, the question, an optional slice index, and whether to store an SR.
 */
public record AskByReference(
    @JsonProperty("studyInstanceUID") String studyInstanceUID,
    @JsonProperty("seriesInstanceUID") String seriesInstanceUID,
    @JsonProperty("sopInstanceUID") String sopInstanceUID,
    @JsonProperty("question") String question,
    @JsonProperty("slice") Integer slice,
    @JsonProperty("storeSr") Boolean storeSr) {}
