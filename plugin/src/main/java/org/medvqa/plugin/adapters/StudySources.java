package org.medvqa.plugin.adapters;

import java.nio.file.Path;
import org.medvqa.dicom.dimse.DimseConfig;
import org.medvqa.dicom.dimse.DimseStudySource;
import org.medvqa.dicom.source.LocalFolderStudySource;
import org.medvqa.dicom.source.StudySource;
import org.medvqa.dicom.web.DicomWebConfig;
import org.medvqa.dicom.web.DicomWebStudySource;
import org.medvqa.dicom.web.HttpAuth;
import org.medvqa.plugin.server.ServerConfig;

/** Opens the study source a {@link ServerConfig.StudySourceConfig} describes. */
public final class StudySources {
  private StudySources() {}

  /** The configured source, or null when none is configured. */
  public static StudySource open(ServerConfig.StudySourceConfig c) {
    if (c == null || c.type == null) {
      return null;
    }
    return switch (c.type) {
      case "dicomweb" -> {
        if (c.url == null) {
          throw new IllegalArgumentException("studySource.url is required for a dicomweb source");
        }
        DicomWebConfig web = DicomWebConfig.of(c.url);
        if (c.user != null) {
          web = web.withAuth(HttpAuth.basic(c.user, c.password == null ? "" : c.password));
        }
        if (c.readTimeoutMs != null) {
          if (c.readTimeoutMs <= 0) {
            throw new IllegalArgumentException("studySource.readTimeoutMs must be positive");
          }
          web = web.withTimeouts(web.connectTimeout(), java.time.Duration.ofMillis(c.readTimeoutMs));
        }
        yield new DicomWebStudySource(web);
      }
      case "folder" -> {
        if (c.folder == null) {
          throw new IllegalArgumentException("studySource.folder is required for a folder source");
        }
        yield new LocalFolderStudySource(Path.of(c.folder));
      }
      case "dimse" -> {
        if (c.url == null) {
          throw new IllegalArgumentException("studySource.url is required for a dimse source (AET@HOST:PORT)");
        }
        yield new DimseStudySource(DimseConfig.parse(c.url));
      }
      default -> throw new IllegalArgumentException(
          "studySource.type must be dicomweb, dimse or folder, got '" + c.type + "'");
    };
  }
}
