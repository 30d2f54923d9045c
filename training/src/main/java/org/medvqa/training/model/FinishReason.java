package org.medvqa.training.model;

/** Why generation stopped: a stop token ({@code STOP}) or the token limit ({@code LENGTH}). */
public enum FinishReason {
  STOP,
  LENGTH
}
