package org.medvqa.dicom.sr;

import java.util.List;
import java.util.Objects;

/**
 * What the model said about one image, ready to be written as SR: the question, the answer, the
 * reasoning (may be empty), the concepts matched in the answer, the algorithm (name and version), and the
 * image it is about, whose patient and study the SR joins.
 */
public record AnswerReport(
    String question,
    String answer,
    String reasoning,
    List<Concept> concepts,
    String algorithmName,
    String algorithmVersion,
    SourceImage source) {

  public AnswerReport {
    Objects.requireNonNull(source, "source image");
    if (question == null || question.isBlank() || answer == null || answer.isBlank()) {
      throw new IllegalArgumentException("an answer report needs a question and an answer");
    }
    if (algorithmName == null || algorithmName.isBlank() || algorithmVersion == null || algorithmVersion.isBlank()) {
      throw new IllegalArgumentException("an answer report needs the algorithm's name and version");
    }
    reasoning = reasoning == null ? "" : reasoning;
    concepts = List.copyOf(concepts);
  }
}
