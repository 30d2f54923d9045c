package org.medvqa.plugin.adapters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.medvqa.dicom.sr.AnswerReport;
import org.medvqa.dicom.sr.Concept;
import org.medvqa.dicom.sr.SourceImage;
import org.medvqa.plugin.service.AskResult;
import org.medvqa.plugin.service.SrWriter;
import org.medvqa.plugin.service.StudyAccessException;

/**
 * The {@code dicom-adapters} SR writer behind the {@link SrWriter} port. The algorithm is named
 * {@code medvqa <model id>} with the model's content version, so every SR says exactly which weights
 * produced it.
 */
public final class SrAdapter implements SrWriter {
  @Override
  public WrittenSr write(Path referencedInstance, String question, AskResult result, Path directory) {
    try {
      SourceImage source = SourceImage.fromFile(referencedInstance);
      AnswerReport report = new AnswerReport(
          question,
          result.answer().isBlank() ? "(no answer)" : result.answer(),
          result.reasoning(),
          result.concepts().stream()
              .filter(c -> !c.negated())
              .map(c -> new Concept(c.scheme(), c.code(), c.name(), c.kind()))
              .distinct()
              .toList(),
          "medvqa " + result.model().id(),
          result.model().version(),
          source);
      Path file = org.medvqa.dicom.sr.SrWriter.write(report, directory);
      String name = file.getFileName().toString();
      return new WrittenSr(file, name.substring(0, name.length() - ".dcm".length()));
    } catch (IOException e) {
      throw new StudyAccessException(StudyAccessException.Kind.PROTOCOL,
          "the study's instance cannot be referenced in an SR", e);
    } catch (UncheckedIOException e) {
      throw new StudyAccessException(StudyAccessException.Kind.PROTOCOL, "cannot write the SR", e);
    }
  }
}
