package org.medvqa.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Groups the DICOM images of a folder (recursively) into series and orders each series' slices
 * (see {@link DicomSeries}). Files that are not readable DICOM images are reported in {@link
 * Scan#skipped()} with the reason, not thrown: a folder of a study often holds other files too.
 */
public final class SeriesIndex {
  private final DicomReader reader;

  public SeriesIndex(DicomReader reader) {
    this.reader = reader;
  }

  /** The series found (ordered by series number, then UID) and the files passed over, with why. */
  public record Scan(List<DicomSeries> series, Map<Path, String> skipped) {}

  public Scan scan(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
    Map<String, List<DicomSeries.Slice>> bySeries = new LinkedHashMap<>();
    Map<Path, String> skipped = new LinkedHashMap<>();
    for (Path file : files) {
      DicomInfo info;
      try {
        info = reader.readInfo(file);
      } catch (DicomFormatException e) {
        skipped.put(file, e.getMessage());
        continue;
      }
      if (!info.hasPixels()) {
        skipped.put(file, "no pixel data (" + info.sopClassName() + ")");
        continue;
      }
      String key = info.studyInstanceUid() + "|" + info.seriesInstanceUid();
      bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(new DicomSeries.Slice(file, info, Double.NaN));
    }
    List<DicomSeries> series = new ArrayList<>();
    for (List<DicomSeries.Slice> slices : bySeries.values()) {
      series.add(order(slices));
    }
    series.sort(Comparator.comparingInt((DicomSeries s) -> s.slices().get(0).info().seriesNumber())
        .thenComparing(DicomSeries::seriesInstanceUid));
    return new Scan(List.copyOf(series), skipped);
  }

  /** Orders the slices of one series (exposed for callers that gathered the slices themselves). */
  public static DicomSeries order(List<DicomSeries.Slice> slices) {
    DicomInfo first = slices.get(0).info();
    double[] normal = normal(first.imageOrientationPatient());
    List<DicomSeries.Slice> positioned = new ArrayList<>();
    boolean allPositioned = normal != null;
    for (DicomSeries.Slice s : slices) {
      double[] ipp = s.info().imagePositionPatient();
      double position = normal != null && ipp.length == 3
          ? ipp[0] * normal[0] + ipp[1] * normal[1] + ipp[2] * normal[2] : Double.NaN;
      allPositioned &= !Double.isNaN(position);
      positioned.add(new DicomSeries.Slice(s.file(), s.info(), position));
    }
    DicomSeries.Ordering ordering;
    if (allPositioned && positioned.stream().mapToDouble(DicomSeries.Slice::position).distinct().count()
        == positioned.size()) {
      positioned.sort(Comparator.comparingDouble(DicomSeries.Slice::position));
      ordering = DicomSeries.Ordering.POSITION;
    } else if (positioned.stream().mapToInt(s -> s.info().instanceNumber()).distinct().count()
        == positioned.size()) {
      positioned.sort(Comparator.comparingInt(s -> s.info().instanceNumber()));
      ordering = DicomSeries.Ordering.INSTANCE_NUMBER;
    } else {
      positioned.sort(Comparator.comparing(s -> s.file().getFileName().toString()));
      ordering = DicomSeries.Ordering.FILE_NAME;
    }
    return new DicomSeries(first.studyInstanceUid(), first.seriesInstanceUid(), first.modality(),
        first.seriesDescription(), positioned, ordering);
  }

  /** Row x column direction cosines, or null when the orientation is absent or degenerate. */
  static double[] normal(double[] iop) {
    if (iop.length != 6) {
      return null;
    }
    double[] n = {
        iop[1] * iop[5] - iop[2] * iop[4],
        iop[2] * iop[3] - iop[0] * iop[5],
        iop[0] * iop[4] - iop[1] * iop[3]};
    double length = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
    if (!(length > 1e-6)) {
      return null;
    }
    return new double[] {n[0] / length, n[1] / length, n[2] / length};
  }
}
