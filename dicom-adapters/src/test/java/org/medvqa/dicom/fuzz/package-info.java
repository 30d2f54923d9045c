/**
 * Coverage-guided fuzz targets (Jazzer) for the DICOM layer: Part-10 reading and pixel decoding, and
 * the DICOMweb {@code multipart/related} reader.
 *
 * <p>Each {@code @FuzzTest} runs in the normal test suite on its seed corpus and every crash found so far
 * (the files under {@code src/test/resources/org/medvqa/dicom/fuzz/<Class>Inputs/<method>/}); with
 * {@code JAZZER_FUZZ=1} it fuzzes instead (see RELIABILITY.md at the repository root).
 */
package org.medvqa.dicom.fuzz;
