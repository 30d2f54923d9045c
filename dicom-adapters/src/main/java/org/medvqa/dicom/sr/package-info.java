/**
 * Answers as DICOM: an {@link org.medvqa.dicom.sr.AnswerReport} (question, answer, reasoning, matched
 * concepts, algorithm) becomes a Comprehensive SR in the source image's study, in a new series, marked
 * UNVERIFIED, with the algorithm named by DCM 111001/111003 in the content and in the Contributing
 * Equipment Sequence. The file is checked in tests with dicom3tools {@code dciodvfy} and dcmtk
 * {@code dsrdump}, and stored back through any {@link org.medvqa.dicom.source.StudySource}.
 */
package org.medvqa.dicom.sr;
