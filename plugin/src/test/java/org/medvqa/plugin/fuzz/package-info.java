/**
 * Coverage-guided fuzz targets (Jazzer) for the REST API: the JSON bodies of {@code POST /api/v1/score}
 * and {@code POST /api/v1/ask}, sent to the real server (Jersey on the JDK HTTP server, the real
 * terminology, rewards, DICOM pipeline and a tiny real model) over loopback.
 *
 * <p>Each {@code @FuzzTest} runs in the normal test suite on its seed corpus and every crash found so far
 * ({@code src/test/resources/org/medvqa/plugin/fuzz/<Class>Inputs/<method>/}); with {@code JAZZER_FUZZ=1}
 * it fuzzes instead (see RELIABILITY.md at the repository root).
 */
package org.medvqa.plugin.fuzz;
