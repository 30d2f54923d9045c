package org.medvqa.training.rewards;

/** How an answer is judged: yes/no, one option of several, or free text. */
public enum QuestionType {
  CLOSED,
  MULTIPLE_CHOICE,
  OPEN
}
