package org.medvqa.terminology.source;

import java.util.List;

/** The sources of the default index, all shipped inside this module. */
public final class DefaultSources {
  private DefaultSources() {}

  /** DICOM PS3.16, then PixelMed's anatomy, then the project's lexicon (which refines both). */
  public static List<ConceptSource> all() {
    return List.of(DicomPs316Source.bundled(), PixelmedAnatomySource.bundled(), LexiconSource.bundled());
  }

  /** Every shipped file whose content defines the default index (for its content hash). */
  public static List<TextFile> files() {
    return List.of(
        TextFile.resource("sources/dicom_ps3_16_concepts.tsv"),
        TextFile.resource("sources/dicom_cid_names.tsv"),
        TextFile.resource("sources/pixelmed-anatomy.tsv"),
        TextFile.resource("lexicon/concepts.tsv"),
        TextFile.resource("lexicon/suppressed.tsv"));
  }
}
