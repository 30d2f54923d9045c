package org.medvqa.plugin.security;

/**
 * One audit line.
 *
 * @param keyId id of the API key used ({@code anonymous} when none)
 * @param endpoint method and matched path template, e.g. {@code POST /api/v1/ask}
 * @param studyHash salted hash of the study UID, or null
 * @param modelVersion the model version that answered, or null
 * @param status HTTP status
 * @param outcome {@code ok}, {@code client-error} or {@code server-error}
 */
public record AuditRecord(
    String time,
    String keyId,
    String endpoint,
    String studyHash,
    String modelId,
    String modelVersion,
    int status,
    String outcome,
    long durationMs) {}
