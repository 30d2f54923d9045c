/**
 * Where studies come from: one small {@link org.medvqa.dicom.source.StudySource} interface that the
 * plugin calls, whatever the PACS speaks. Implementations: DICOMweb
 * ({@code org.medvqa.dicom.web.DicomWebStudySource}), DIMSE ({@code org.medvqa.dicom.dimse.DimseStudySource})
 * and a local folder ({@link org.medvqa.dicom.source.LocalFolderStudySource}).
 *
 * <p>Everything that goes wrong while talking to a PACS is one {@link org.medvqa.dicom.source.PacsException}
 * with a {@link org.medvqa.dicom.source.PacsException.Kind}, so callers map it to one HTTP status or exit
 * code without knowing the protocol. Nothing in this package depends on PixelMed or on HTTP types.
 */
package org.medvqa.dicom.source;
