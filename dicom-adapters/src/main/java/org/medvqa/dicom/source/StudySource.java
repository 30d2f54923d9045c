package org.medvqa.dicom.source;

import java.nio.file.Path;
import java.util.List;

/**
 * A place studies live: a PACS reached by DICOMweb or DIMSE, or a local folder.
 *
 * <p>Retrieval streams: each instance is written to {@code destinationDir} as a DICOM Part-10 file as it
 * arrives, so a study of any size costs a constant amount of memory. Every failure of the remote side
 * is a {@link PacsException} whose {@link PacsException.Kind} says what went wrong; arguments that are
 * wrong on our side are {@link IllegalArgumentException}s. Implementations are safe for use by several
 * threads and hold connections or servers until {@link #close()}.
 */
public interface StudySource extends AutoCloseable {

  /** Checks that the source answers and accepts our credentials (DICOMweb: a QIDO query; DIMSE: C-ECHO). */
  void echo();

  /** The studies matching the query (empty keys match everything), at most {@link StudyQuery#limit()}. */
  List<StudySummary> findStudies(StudyQuery query);

  /** The series of one study; {@link PacsException.Kind#NOT_FOUND} if the study is unknown. */
  List<SeriesSummary> findSeries(String studyInstanceUid);

  /**
   * Writes every instance of the study (or of one series of it, when {@code seriesInstanceUid} is not
   * null) into {@code destinationDir} as {@code <SOPInstanceUID>.dcm} files. A file appears only when it is
   * complete; when the transfer fails part-way, the files already complete stay and the exception says how
   * many there were.
   *
   * @throws PacsException {@code NOT_FOUND} when the study or series has no instances at the source
   */
  RetrievedStudy retrieve(String studyInstanceUid, String seriesInstanceUid, Path destinationDir);

  /** Sends DICOM Part-10 files to the source (STOW-RS, C-STORE, or a copy into the folder). */
  void store(List<Path> files);

  /** A short description for logs and error messages, without credentials. */
  String describe();

  @Override
  void close();
}
