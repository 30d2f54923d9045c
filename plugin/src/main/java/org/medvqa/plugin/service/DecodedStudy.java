package org.medvqa.plugin.service;

import java.util.List;
import org.medvqa.plugin.model.ModelImage;

/**
 * The slices of one series, decoded, windowed and in slice order, with the instance each came from
 * ({@code sourceFiles.get(i)} for {@code slices.get(i)}; empty for a PNG/JPEG upload).
 */
public record DecodedStudy(List<ModelImage> slices, List<byte[]> sourceFiles, String modality) {
  public DecodedStudy {
    if (slices.isEmpty()) {
      throw new BadRequestException("no image in the input");
    }
  }

  public int middle() {
    return slices.size() / 2;
  }
}
