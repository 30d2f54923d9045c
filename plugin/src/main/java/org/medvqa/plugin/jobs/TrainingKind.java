package org.medvqa.plugin.jobs;

/** Which recipe a job runs. */
public enum TrainingKind {
  SFT,
  GRPO
}
