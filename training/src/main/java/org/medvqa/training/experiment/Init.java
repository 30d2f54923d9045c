package org.medvqa.training.experiment;

/** The paper's first factor: where GRPO starts. */
public enum Init {
  /** Pretrained on image-report text only; has never seen the question/answer format. */
  BASE,
  /** The SFT (instruction-tuned) model. */
  INSTRUCT
}
