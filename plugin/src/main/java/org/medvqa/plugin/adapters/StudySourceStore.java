package org.medvqa.plugin.adapters;

import java.nio.file.Path;
import java.util.List;
import org.medvqa.dicom.source.PacsException;
import org.medvqa.dicom.source.RetrievedStudy;
import org.medvqa.dicom.source.StudyQuery;
import org.medvqa.dicom.source.StudySource;
import org.medvqa.plugin.service.BadRequestException;
import org.medvqa.plugin.service.StudyAccessException;
import org.medvqa.plugin.service.StudyRef;
import org.medvqa.plugin.service.StudyStore;
import org.medvqa.plugin.service.StudySummary;

/**
 * A {@code dicom-adapters} {@link StudySource} behind the service's {@link StudyStore} port.
 * {@link PacsException} kinds map one to one onto {@link StudyAccessException} kinds; patient name
 * and ID from the source's study list are dropped here, so they never reach the API.
 */
public final class StudySourceStore implements StudyStore, AutoCloseable {
  private final StudySource source;

  public StudySourceStore(StudySource source) {
    this.source = source;
  }

  @Override
  public List<StudySummary> studies(int limit) {
    try {
      return source.findStudies(StudyQuery.all().withLimit(limit)).stream()
          .map(s -> new StudySummary(
              s.studyInstanceUID(),
              s.studyDescription(),
              String.join(",", s.modalities()),
              s.numberOfInstances()))
          .toList();
    } catch (PacsException e) {
      throw translate(e);
    }
  }

  @Override
  public List<Path> instances(StudyRef ref, Path destinationDir) {
    try {
      RetrievedStudy got = source.retrieve(ref.studyUid(), ref.seriesUid(), destinationDir);
      List<Path> files = got.files();
      if (ref.instanceUid() != null) {
        files = files.stream()
            .filter(f -> f.getFileName().toString().equals(ref.instanceUid() + ".dcm"))
            .toList();
        if (files.isEmpty()) {
          throw new StudyAccessException(StudyAccessException.Kind.NOT_FOUND, "no such instance in the study");
        }
      }
      return files;
    } catch (PacsException e) {
      throw translate(e);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage(), e);
    }
  }

  @Override
  public void store(Path part10) {
    try {
      source.store(List.of(part10));
    } catch (PacsException e) {
      throw translate(e);
    }
  }

  @Override
  public String describe() {
    return source.describe();
  }

  @Override
  public void close() {
    source.close();
  }

  static StudyAccessException translate(PacsException e) {
    StudyAccessException.Kind kind = switch (e.kind()) {
      case UNREACHABLE -> StudyAccessException.Kind.UNREACHABLE;
      case UNAUTHORIZED -> StudyAccessException.Kind.UNAUTHORIZED;
      case NOT_FOUND -> StudyAccessException.Kind.NOT_FOUND;
      case TIMEOUT -> StudyAccessException.Kind.TIMEOUT;
      case PROTOCOL -> StudyAccessException.Kind.PROTOCOL;
    };
    return new StudyAccessException(kind, e.getMessage(), e);
  }
}
