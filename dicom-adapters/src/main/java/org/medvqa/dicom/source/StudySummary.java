package org.medvqa.dicom.source;

import java.util.List;

/**
 * One study as a PACS lists it. Strings the source did not return are empty, counts it did not
 * return are -1. {@code modalities} is ModalitiesInStudy, sorted.
 */
public record StudySummary(
    String studyInstanceUID,
    String patientId,
    String patientName,
    String studyDate,
    String studyDescription,
    String accessionNumber,
    List<String> modalities,
    int numberOfSeries,
    int numberOfInstances) {

  public StudySummary {
    modalities = List.copyOf(modalities);
  }
}
