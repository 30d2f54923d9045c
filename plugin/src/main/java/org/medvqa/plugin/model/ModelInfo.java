package org.medvqa.plugin.model;

/**
 * Provenance of an answer: the registry id of the model directory, its version (a short content hash
 * of the directory, so two different weights never share a version), and the device it runs on.
 */
public record ModelInfo(String id, String version, String device) {}
