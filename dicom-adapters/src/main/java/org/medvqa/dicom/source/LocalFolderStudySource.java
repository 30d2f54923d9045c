package org.medvqa.dicom.source;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.medvqa.dicom.source.PacsException.Kind;

/**
 * A folder of DICOM Part-10 files as a study source, for the embedded default and for sites without a
 * PACS connection. The folder is scanned once (headers only, up to the pixel data) into an index by
 * Study / Series / SOP Instance UID; files that are not DICOM are skipped. {@link #store} copies files
 * into {@code <folder>/<StudyInstanceUID>/<SOPInstanceUID>.dcm} and indexes them.
 */
public final class LocalFolderStudySource implements StudySource {

  /** What the index keeps of one instance. */
  record Entry(Path file, String studyUid, String seriesUid, String sopUid, String patientId, String patientName,
      String studyDate, String studyDescription, String accession, String modality, String seriesNumber,
      String seriesDescription) {}

  private final Path folder;
  private final Map<String, Entry> bySop = new ConcurrentHashMap<>();

  public LocalFolderStudySource(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new PacsException(Kind.UNREACHABLE, "study folder " + folder + " does not exist or is not a folder");
    }
    this.folder = folder;
    rescan();
  }

  /** Rebuilds the index from the files now in the folder. */
  public void rescan() {
    bySop.clear();
    try (Stream<Path> files = Files.walk(folder)) {
      files.filter(Files::isRegularFile).forEach(f -> readEntry(f).ifPresent(e -> bySop.put(e.sopUid(), e)));
    } catch (IOException e) {
      throw new PacsException(Kind.UNREACHABLE, "cannot read study folder " + folder + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void echo() {
    if (!Files.isDirectory(folder)) {
      throw new PacsException(Kind.UNREACHABLE, "study folder " + folder + " is gone");
    }
  }

  @Override
  public List<StudySummary> findStudies(StudyQuery query) {
    Map<String, List<Entry>> studies = byStudy();
    List<StudySummary> out = new ArrayList<>();
    for (List<Entry> entries : studies.values()) {
      Entry first = entries.get(0);
      TreeSet<String> modalities = new TreeSet<>();
      entries.forEach(e -> {
        if (!e.modality().isEmpty()) {
          modalities.add(e.modality());
        }
      });
      if (!matches(query.patientId(), first.patientId()) || !matches(query.studyInstanceUid(), first.studyUid())
          || !matches(query.accessionNumber(), first.accession()) || !matchesDate(query.studyDate(), first.studyDate())
          || (query.modality() != null && !query.modality().isBlank() && !modalities.contains(query.modality().strip()))) {
        continue;
      }
      long series = entries.stream().map(Entry::seriesUid).distinct().count();
      out.add(new StudySummary(first.studyUid(), first.patientId(), first.patientName(), first.studyDate(),
          first.studyDescription(), first.accession(), List.copyOf(modalities), (int) series, entries.size()));
      if (out.size() == query.limit()) {
        break;
      }
    }
    return out;
  }

  @Override
  public List<SeriesSummary> findSeries(String studyInstanceUid) {
    List<Entry> entries = byStudy().get(studyInstanceUid);
    if (entries == null) {
      throw new PacsException(Kind.NOT_FOUND, describe() + " has no study " + studyInstanceUid);
    }
    Map<String, List<Entry>> series = new LinkedHashMap<>();
    entries.forEach(e -> series.computeIfAbsent(e.seriesUid(), k -> new ArrayList<>()).add(e));
    return series.values().stream()
        .map(s -> new SeriesSummary(studyInstanceUid, s.get(0).seriesUid(), s.get(0).modality(), s.get(0).seriesNumber(),
            s.get(0).seriesDescription(), s.size()))
        .toList();
  }

  @Override
  public RetrievedStudy retrieve(String studyInstanceUid, String seriesInstanceUid, Path destinationDir) {
    List<Entry> entries = byStudy().getOrDefault(studyInstanceUid, List.of()).stream()
        .filter(e -> seriesInstanceUid == null || e.seriesUid().equals(seriesInstanceUid))
        .toList();
    if (entries.isEmpty()) {
      throw new PacsException(Kind.NOT_FOUND, describe() + " has no "
          + (seriesInstanceUid == null ? "study " + studyInstanceUid : "series " + seriesInstanceUid + " in study " + studyInstanceUid));
    }
    try {
      Files.createDirectories(destinationDir);
      List<Path> files = new ArrayList<>();
      long bytes = 0;
      for (Entry e : entries) {
        Path target = destinationDir.resolve(e.sopUid() + ".dcm");
        Files.copy(e.file(), target, StandardCopyOption.REPLACE_EXISTING);
        files.add(target);
        bytes += Files.size(target);
      }
      return new RetrievedStudy(studyInstanceUid, files, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("copying study " + studyInstanceUid + " to " + destinationDir, e);
    }
  }

  @Override
  public void store(List<Path> files) {
    for (Path file : files) {
      Entry entry = readEntry(file).orElseThrow(() -> new IllegalArgumentException(file + " is not a DICOM file"));
      Path target = folder.resolve(entry.studyUid()).resolve(entry.sopUid() + ".dcm");
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      try {
        Files.createDirectories(target.getParent());
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        try {
          Files.deleteIfExists(tmp); // a full disk must not leave half a file in the study folder
        } catch (IOException ignored) {
          // the original failure is the one to report
        }
        throw new PacsException(Kind.UNREACHABLE, "cannot store into study folder " + folder + ": "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
      }
      bySop.put(entry.sopUid(), withFile(entry, target));
    }
  }

  /** The indexed file of one instance, if present. */
  public java.util.Optional<Path> fileOf(String sopInstanceUid) {
    return java.util.Optional.ofNullable(bySop.get(sopInstanceUid)).map(Entry::file);
  }

  @Override
  public String describe() {
    return "study folder " + folder;
  }

  @Override
  public void close() {
    // nothing held
  }

  private Map<String, List<Entry>> byStudy() {
    Map<String, List<Entry>> studies = new LinkedHashMap<>();
    bySop.values().stream()
        .sorted(Comparator.comparing(Entry::studyUid).thenComparing(Entry::seriesUid).thenComparing(e -> e.file().toString()))
        .forEach(e -> studies.computeIfAbsent(e.studyUid(), k -> new ArrayList<>()).add(e));
    return studies;
  }

  private static Entry withFile(Entry e, Path file) {
    return new Entry(file, e.studyUid(), e.seriesUid(), e.sopUid(), e.patientId(), e.patientName(), e.studyDate(),
        e.studyDescription(), e.accession(), e.modality(), e.seriesNumber(), e.seriesDescription());
  }

  private static boolean matches(String wanted, String actual) {
    if (wanted == null || wanted.isBlank()) {
      return true;
    }
    String pattern = wanted.strip();
    if (pattern.contains("*") || pattern.contains("?")) {
      String regex = pattern.replace(".", "\\.").replace("*", ".*").replace("?", ".");
      return actual.matches(regex);
    }
    return pattern.equals(actual);
  }

  private static boolean matchesDate(String wanted, String actual) {
    if (wanted == null || wanted.isBlank()) {
      return true;
    }
    String w = wanted.strip();
    int dash = w.indexOf('-');
    if (dash < 0) {
      return w.equals(actual);
    }
    String from = w.substring(0, dash);
    String to = w.substring(dash + 1);
    return !actual.isEmpty() && (from.isEmpty() || actual.compareTo(from) >= 0) && (to.isEmpty() || actual.compareTo(to) <= 0);
  }

  private static java.util.Optional<Entry> readEntry(Path file) {
    try {
      Part10Header.read(file);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
    try {
      AttributeList list = new AttributeList();
      list.read(file.toString(), TagFromName.PixelData);
      String sop = text(list, TagFromName.SOPInstanceUID);
      String study = text(list, TagFromName.StudyInstanceUID);
      if (sop.isEmpty() || study.isEmpty()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new Entry(file, study, text(list, TagFromName.SeriesInstanceUID), sop,
          text(list, TagFromName.PatientID), text(list, TagFromName.PatientName), text(list, TagFromName.StudyDate),
          text(list, TagFromName.StudyDescription), text(list, TagFromName.AccessionNumber),
          text(list, TagFromName.Modality), text(list, TagFromName.SeriesNumber),
          text(list, TagFromName.SeriesDescription)));
    } catch (IOException | DicomException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static String text(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
    return com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
  }
}
