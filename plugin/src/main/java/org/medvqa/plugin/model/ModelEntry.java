package org.medvqa.plugin.model;

import java.nio.file.Path;
import java.time.Instant;

/** One model directory known to the registry. */
public record ModelEntry(String id, String version, Path dir, Instant created, boolean active) {}
