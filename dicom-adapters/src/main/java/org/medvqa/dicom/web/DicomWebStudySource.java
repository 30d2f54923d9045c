package org.medvqa.dicom.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvqa.dicom.source.PacsException;
import org.medvqa.dicom.source.PacsException.Kind;
import org.medvqa.dicom.source.RetrievedStudy;
import org.medvqa.dicom.source.SeriesSummary;
import org.medvqa.dicom.source.StudyQuery;
import org.medvqa.dicom.source.StudySource;
import org.medvqa.dicom.source.StudySummary;

/** A {@link StudySource} over DICOMweb: QIDO-RS to find, WADO-RS to retrieve, STOW-RS to store. */
public final class DicomWebStudySource implements StudySource {

  private static final String STUDY_UID = "0020000D";
  private static final String SERIES_UID = "0020000E";
  /** Attributes asked for explicitly, since servers differ in what they return by default. */
  private static final String STUDY_FIELDS = "00080061,00201206,00201208,00081030,00080050,00100010";
  private static final String SERIES_FIELDS = "0008103E,00200011,00201209";

  private final DicomWebClient client;

  public DicomWebStudySource(DicomWebConfig config) {
    this.client = new DicomWebClient(config);
  }

  /** The underlying client, for WADO-RS metadata and frames. */
  public DicomWebClient client() {
    return client;
  }

  @Override
  public void echo() {
    client.qido("studies", Map.of("limit", "1"));
  }

  @Override
  public List<StudySummary> findStudies(StudyQuery query) {
    Map<String, String> params = new LinkedHashMap<>();
    putIfSet(params, "PatientID", query.patientId());
    putIfSet(params, "StudyInstanceUID", query.studyInstanceUid());
    putIfSet(params, "ModalitiesInStudy", query.modality());
    putIfSet(params, "StudyDate", query.studyDate());
    putIfSet(params, "AccessionNumber", query.accessionNumber());
    params.put("limit", Integer.toString(query.limit()));
    params.put("includefield", STUDY_FIELDS);
    List<StudySummary> studies = new ArrayList<>();
    for (JsonNode s : client.qido("studies", params)) {
      studies.add(new StudySummary(
          DicomJson.string(s, STUDY_UID),
          DicomJson.string(s, "00100020"),
          DicomJson.string(s, "00100010"),
          DicomJson.string(s, "00080020"),
          DicomJson.string(s, "00081030"),
          DicomJson.string(s, "00080050"),
          DicomJson.strings(s, "00080061").stream().sorted().toList(),
          DicomJson.integer(s, "00201206"),
          DicomJson.integer(s, "00201208")));
    }
    return studies;
  }

  @Override
  public List<SeriesSummary> findSeries(String studyInstanceUid) {
    requireUid(studyInstanceUid, "study");
    JsonNode answer = client.qido("studies/" + studyInstanceUid + "/series", Map.of("includefield", SERIES_FIELDS));
    if (answer.isEmpty()) {
      throw new PacsException(Kind.NOT_FOUND, describe() + " has no study " + studyInstanceUid);
    }
    List<SeriesSummary> series = new ArrayList<>();
    for (JsonNode s : answer) {
      series.add(new SeriesSummary(studyInstanceUid, DicomJson.string(s, SERIES_UID), DicomJson.string(s, "00080060"),
          DicomJson.string(s, "00200011"), DicomJson.string(s, "0008103E"), DicomJson.integer(s, "00201209")));
    }
    return series;
  }

  @Override
  public RetrievedStudy retrieve(String studyInstanceUid, String seriesInstanceUid, Path destinationDir) {
    requireUid(studyInstanceUid, "study");
    String path = "studies/" + studyInstanceUid;
    if (seriesInstanceUid != null) {
      requireUid(seriesInstanceUid, "series");
      path += "/series/" + seriesInstanceUid;
    }
    List<Path> files;
    try {
      files = client.retrieveInstances(path, destinationDir);
    } catch (PacsException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        throw new PacsException(Kind.NOT_FOUND, describe() + " has no " + what(studyInstanceUid, seriesInstanceUid), e);
      }
      throw e;
    }
    if (files.isEmpty()) {
      throw new PacsException(Kind.NOT_FOUND, describe() + " has no " + what(studyInstanceUid, seriesInstanceUid));
    }
    long bytes = 0;
    for (Path f : files) {
      try {
        bytes += Files.size(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new RetrievedStudy(studyInstanceUid, files, bytes);
  }

  @Override
  public void store(List<Path> files) {
    client.store(files);
  }

  @Override
  public String describe() {
    return client.describe();
  }

  @Override
  public void close() {
    client.close();
  }

  private static String what(String study, String series) {
    return series == null ? "study " + study : "series " + series + " in study " + study;
  }

  private static void putIfSet(Map<String, String> params, String key, String value) {
    if (value != null && !value.isBlank()) {
      params.put(key, value.strip());
    }
  }

  static void requireUid(String uid, String what) {
    if (uid == null || !uid.matches("[0-9]+(\\.[0-9]+)*") || uid.length() > 64) {
      throw new IllegalArgumentException("not a valid " + what + " instance UID: " + uid);
    }
  }
}
