package org.medvqa.training.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset directory, read once: its questions per split and the rows it had to skip.
 *
 * <pre>
 * VqaDataset data = VqaDataset.open(Path.of("phantom"));
 * for (VqaExample e : data.split(Split.TRAIN)) {
 *   ModelReadyImage img = images.load(data, e);   // DatasetImages: decoded once, cached
 * }
 * System.out.println(data.skipped() + " rows skipped: " + data.problems());
 * </pre>
 *
 * The format is recognised from the files present ({@link DatasetFormat}). Rows that do not parse,
 * have an empty answer, name an image that does not exist or points outside the root are skipped and
 * listed in {@link #problems()}; opening never fails because of a row. It fails ({@link
 * DatasetException}) only when the directory has no known layout or no usable row at all.
 */
public final class VqaDataset {
  private final Path root;
  private final DatasetFormat format;
  private final Map<Split, List<VqaExample>> bySplit;
  private final List<RowProblem> problems;

  private VqaDataset(Path root, DatasetFormat format, Map<Split, List<VqaExample>> bySplit,
      List<RowProblem> problems) {
    this.root = root;
    this.format = format;
    this.bySplit = bySplit;
    this.problems = problems;
  }

  /** Opens a dataset directory; see the class comment for what is skipped and what fails. */
  public static VqaDataset open(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    DatasetFormat format = DatasetLayout.detect(root);
    ReadResult read;
    try {
      read = DatasetLayout.readAll(root, format);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + root + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new DatasetException("cannot read " + root + ": " + e.getCause().getMessage(), e);
    }
    List<RowProblem> problems = new ArrayList<>(read.problems());
    Map<Split, List<VqaExample>> bySplit = new EnumMap<>(Split.class);
    for (Split s : Split.values()) {
      bySplit.put(s, new ArrayList<>());
    }
    Map<String, Boolean> exists = new HashMap<>();
    for (VqaExample e : read.examples()) {
      RowProblem imageProblem = imageProblem(root, e, exists);
      if (imageProblem != null) {
        problems.add(imageProblem);
        continue;
      }
      bySplit.get(e.split()).add(e);
    }
    bySplit.replaceAll((s, list) -> Collections.unmodifiableList(list));
    if (bySplit.values().stream().allMatch(List::isEmpty)) {
      String why = problems.isEmpty() ? "it has no rows" : problems.size() + " bad rows, first: " + problems.get(0);
      throw new DatasetException("no usable question in " + root + ": " + why);
    }
    return new VqaDataset(root, format, bySplit, List.copyOf(problems));
  }

  /** The dataset directory (absolute). */
  public Path root() {
    return root;
  }

  public DatasetFormat format() {
    return format;
  }

  /** The questions of one split, in file order (empty if the dataset has no such split). */
  public List<VqaExample> split(Split split) {
    return bySplit.get(split);
  }

  /** Every question of every split, train first. */
  public List<VqaExample> all() {
    List<VqaExample> all = new ArrayList<>();
    bySplit.values().forEach(all::addAll);
    return all;
  }

  /** The image file of an example. */
  public Path imagePath(VqaExample example) {
    return root.resolve(example.image()).normalize();
  }

  /** How many rows were skipped. */
  public int skipped() {
    return problems.size();
  }

  /** The skipped rows and why. */
  public List<RowProblem> problems() {
    return problems;
  }

  /**
   * Why a question's image cannot be used (its path leaves the dataset folder, or no such file), or null.
   * {@code exists} caches the file check per image path, since many questions share an image.
   */
  static RowProblem imageProblem(Path root, VqaExample e, Map<String, Boolean> exists) {
    Path image = root.resolve(e.image()).normalize();
    if (!image.startsWith(root)) {
      return new RowProblem(e.split().label(), 0, RowProblem.Kind.MALFORMED,
          "question " + e.id() + ": image path '" + e.image() + "' leaves the dataset directory");
    }
    if (!exists.computeIfAbsent(e.image(), k -> Files.isRegularFile(image))) {
      return new RowProblem(e.split().label(), 0, RowProblem.Kind.MISSING_IMAGE,
          "question " + e.id() + ": no image file " + e.image());
    }
    return null;
  }
}
