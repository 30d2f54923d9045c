package org.medvqa.plugin.service;

import java.nio.file.Path;
import java.util.List;
import org.medvqa.plugin.model.ModelImage;

/**
 * The slices of one series, decoded, windowed and in slice order, with the file each came from
 * ({@code sourceFiles.get(i)} for {@code slices.get(i)}; empty for a PNG/JPEG upload). The files live
 * only as long as the request that decoded them.
 */
public record DecodedStudy(List<ModelImage> slices, List<Path> sourceFiles, String modality) {
  public DecodedStudy {
    if (slices.isEmpty()) {
      throw new BadRequestException("no image in the input");
    }
    slices = List.copyOf(slices);
    sourceFiles = List.copyOf(sourceFiles);
  }

  public int middle() {
    return slices.size() / 2;
  }

  /** The same images without the file references, for keeping after the files are gone. */
  public DecodedStudy imagesOnly() {
    return new DecodedStudy(slices, List.of(), modality);
  }
}
