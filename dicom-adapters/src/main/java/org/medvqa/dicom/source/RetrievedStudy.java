package org.medvqa.dicom.source;

import java.nio.file.Path;
import java.util.List;

/** What {@link StudySource#retrieve} wrote: the Part-10 files (in arrival order) and their total size. */
public record RetrievedStudy(String studyInstanceUID, List<Path> files, long bytes) {
  public RetrievedStudy {
    files = List.copyOf(files);
  }
}
