/**
 * A DICOMweb client on {@code java.net.http}: QIDO-RS (studies, series, instances), WADO-RS (study,
 * series, instance, metadata, frames) and STOW-RS, with basic or bearer authentication, connect and
 * read (idle) timeouts, retries with exponential backoff on 5xx and connection errors, and a limit on
 * concurrent requests.
 *
 * <p>WADO-RS responses are {@code multipart/related} streams: {@link org.medvqa.dicom.web.MultipartRelatedReader}
 * cuts them into parts as the bytes arrive, and each part is written to disk, so memory does not grow
 * with the study.
 */
package org.medvqa.dicom.web;
