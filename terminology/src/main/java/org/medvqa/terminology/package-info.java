/**
 * Medical terminology for medvqa: concepts from DICOM PS3.16, PixelMed's anatomy and the project's
 * radiology lexicon (plus UMLS, SNOMED CT, OBO or CSV a site licenses), kept in a Lucene index;
 * concept extraction from free text; and the graded semantic-alignment score that the GRPO reward
 * and the plugin's answers use. Start at {@link org.medvqa.terminology.Terminology}.
 *
 * <p>Knows nothing of DICOM files or DJL.
 */
package org.medvqa.terminology;
