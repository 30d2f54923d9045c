/**
 * The question-answering service that the REST resources, the embedding API and the demo share:
 * study in (uploaded files or a study UID fetched from the configured study source), image decoding,
 * the inference engine, answer parsing, concept highlighting and, on request, a DICOM SR stored back.
 * Everything outside the plugin reaches it through small ports ({@link org.medvqa.plugin.service.StudyStore},
 * {@link org.medvqa.plugin.service.DicomDecoder}, {@link org.medvqa.plugin.service.ConceptFinder},
 * {@link org.medvqa.plugin.service.AnswerScorer}, {@link org.medvqa.plugin.service.SrWriter}).
 */
package org.medvqa.plugin.service;
