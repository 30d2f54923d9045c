package org.medvqa.dicom;

import java.nio.file.Path;
import java.util.List;

/**
 * One series of a folder, its images in slice order: by position along the slice normal (the cross
 * product of the row and column direction cosines) when every image has a position and orientation
 * and the positions differ, else by Instance Number, then by file name. Inside an enhanced
 * multi-frame image, frames are ordered the same way by their per-frame Plane Position.
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
      int[] order = frameOrder(only.info());
      return new FrameRef(only.file(), order[(order.length - 1) / 2]);
    }
    Slice middle = slices.get((slices.size() - 1) / 2);
    return new FrameRef(middle.file(), 0);
  }

  /** The slice spacing in mm from ordered positions (median of neighbour gaps), NaN if unknown. */
  public double sliceSpacing() {
    double[] positions;
    if (slices.size() == 1 && framePositions(slices.get(0).info()) != null) {
      positions = framePositions(slices.get(0).info());
      java.util.Arrays.sort(positions);
    } else if (orderedBy == Ordering.POSITION) {
      positions = slices.stream().mapToDouble(Slice::position).toArray();
    } else {
      return Double.NaN;
    }
    if (positions.length < 2) {
      return Double.NaN;
    }
    double[] gaps = new double[positions.length - 1];
    for (int i = 1; i < positions.length; i++) {
      gaps[i - 1] = Math.abs(positions[i] - positions[i - 1]);
    }
    java.util.Arrays.sort(gaps);
    return gaps[gaps.length / 2];
  }

  /**
   * The frame indices of one image in slice order: by per-frame position along the slice normal
   * when the image has distinct per-frame positions and an orientation, else 0, 1, 2, ...
   */
  public static int[] frameOrder(DicomInfo info) {
    int frames = Math.max(1, info.frames());
    Integer[] order = new Integer[frames];
    for (int i = 0; i < frames; i++) {
      order[i] = i;
    }
    double[] positions = framePositions(info);
    if (positions != null) {
      java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> positions[i]));
    }
    return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /** Per-frame distances along the slice normal, or null when unknown or not all distinct. */
  private static double[] framePositions(DicomInfo info) {
    double[] normal = SeriesIndex.normal(info.imageOrientationPatient());
    double[][] xyz = info.framePositions();
    if (normal == null || xyz.length < 2 || xyz.length != info.frames()) {
      return null;
    }
    double[] positions = new double[xyz.length];
    for (int i = 0; i < xyz.length; i++) {
      positions[i] = xyz[i][0] * normal[0] + xyz[i][1] * normal[1] + xyz[i][2] * normal[2];
    }
    return java.util.Arrays.stream(positions).distinct().count() == positions.length ? positions : null;
  }
}
