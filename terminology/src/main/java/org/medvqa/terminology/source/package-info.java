/**
 * Where concepts come from: one small reader per source format (DICOM PS3.16 export, PixelMed's
 * anatomy export, the project's lexicon, UMLS RRF, SNOMED CT RF2, OBO, plain CSV/TSV), each filling
 * a {@link org.medvqa.terminology.source.ConceptCatalog} that merges concepts by {@code scheme:code}.
 */
package org.medvqa.terminology.source;
