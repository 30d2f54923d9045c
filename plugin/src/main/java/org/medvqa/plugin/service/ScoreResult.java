package org.medvqa.plugin.service;

import java.util.Map;

/** Reward components of one (answer, reference) pair and their weighted total. */
public record ScoreResult(Map<String, Double> components, double total) {}
