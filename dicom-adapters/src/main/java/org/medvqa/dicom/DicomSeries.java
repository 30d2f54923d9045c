package org.medvqa.dicom;

import java.nio.file.Path;
import java.util.List;

/**
 * One series of a folder, its images in slice order: by position along the slice normal (the cross
 * product of the row and column direction cosines) when every image has a position and orientation
 * and the positions differ, else by Instance Number, then by file name.
 *
 * @param orderedBy how {@link #slices()} were ordered
 */
public record DicomSeries(
    String studyInstanceUid,
    String seriesInstanceUid,
    String modality,
    String seriesDescription,
    List<Slice> slices,
    Ordering orderedBy) {

  public enum Ordering { POSITION, INSTANCE_NUMBER, FILE_NAME }

  /**
   * One image of the series.
   *
   * @param position the distance along the slice normal in mm, NaN when unknown
   */
  public record Slice(Path file, DicomInfo info, double position) {}

  /** One frame chosen to stand for a series. */
  public record FrameRef(Path file, int frameIndex) {}

  public DicomSeries {
    slices = List.copyOf(slices);
  }

  public int size() {
    return slices.size();
  }

  /** Total frames over all images (a multi-frame image counts each frame). */
  public int frameCount() {
    return slices.stream().mapToInt(s -> Math.max(1, s.info().frames())).sum();
  }

  /**
   * The representative frame for a volume: the middle slice of the ordered series (the middle frame
   * of a single multi-frame image), which for a centred acquisition is the one most likely to cut
   * through the organ of interest.
   */
  public FrameRef representative() {
    if (slices.size() == 1) {
      Slice only = slices.get(0);
      return new FrameRef(only.file(), Math.max(0, only.info().frames() - 1) / 2);
    }
    Slice middle = slices.get((slices.size() - 1) / 2);
    return new FrameRef(middle.file(), 0);
  }

  /** The slice spacing in mm from ordered positions (median of neighbour gaps), NaN if unknown. */
  public double sliceSpacing() {
    if (orderedBy != Ordering.POSITION || slices.size() < 2) {
      return Double.NaN;
    }
    double[] gaps = new double[slices.size() - 1];
    for (int i = 1; i < slices.size(); i++) {
      gaps[i - 1] = Math.abs(slices.get(i).position() - slices.get(i - 1).position());
    }
    java.util.Arrays.sort(gaps);
    return gaps[gaps.length / 2];
  }
}
