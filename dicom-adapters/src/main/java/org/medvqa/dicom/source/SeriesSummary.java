package org.medvqa.dicom.source;

/** One series of a study; strings not returned by the source are empty, counts -1. */
public record SeriesSummary(
    String studyInstanceUID,
    String seriesInstanceUID,
    String modality,
    String seriesNumber,
    String seriesDescription,
    int numberOfInstances) {}
