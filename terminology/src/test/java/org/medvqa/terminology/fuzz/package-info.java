/**
 * Coverage-guided fuzz targets (Jazzer) for the terminology: concept extraction from free text and the
 * semantic-alignment score, over the default concept index.
 *
 * <p>Each {@code @FuzzTest} runs in the normal test suite on its seed corpus and every crash found so far
 * ({@code src/test/resources/org/medvqa/terminology/fuzz/<Class>Inputs/<method>/}); with
 * {@code JAZZER_FUZZ=1} it fuzzes instead (see RELIABILITY.md at the repository root).
 */
package org.medvqa.terminology.fuzz;
