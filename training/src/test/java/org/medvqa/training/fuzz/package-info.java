/**
 * Coverage-guided fuzz targets (Jazzer) for the training module's input parsers: the dataset readers
 * (JSONL, VQA-RAD and SLAKE JSON, PMC-VQA CSV) behind {@code VqaDataset.open} and {@code medvqa data check}.
 *
 * <p>Each {@code @FuzzTest} runs in the normal test suite on its seed corpus and every crash found so far
 * ({@code src/test/resources/org/medvqa/training/fuzz/<Class>Inputs/<method>/}); with {@code JAZZER_FUZZ=1}
 * it fuzzes instead (see RELIABILITY.md at the repository root).
 */
package org.medvqa.training.fuzz;
