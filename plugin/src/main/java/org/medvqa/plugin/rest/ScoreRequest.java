package org.medvqa.plugin.rest;

/** The JSON body of {@code POST /api/v1/score}. */
public record ScoreRequest(String answer, String reference, String question) {}
