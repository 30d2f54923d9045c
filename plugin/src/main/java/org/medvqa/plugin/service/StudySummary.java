package org.medvqa.plugin.service;

/**
 * A study as the study picker lists it. Deliberately without patient name, ID or birth date.
 *
 * @param studyUid Study Instance UID
 * @param description Study Description (may be empty)
 * @param modalities modalities in the study, e.g. {@code CT}
 * @param instances number of instances, or -1 when the source does not say
 */
public record StudySummary(String studyUid, String description, String modalities, int instances) {}
