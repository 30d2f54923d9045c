/**
 * Medical VQA datasets in one shape: {@link org.medvqa.training.data.VqaExample} (one question about
 * one image), read from a dataset directory by {@link org.medvqa.training.data.VqaDataset}, which
 * recognises four layouts ({@link org.medvqa.training.data.DatasetFormat}):
 *
 * <ul>
 *   <li>the canonical JSONL layout that PhantomVQA writes ({@link org.medvqa.training.data.VqaJsonl}):
 *       {@code dataset.json}, {@code train.jsonl}, {@code val.jsonl}, {@code test.jsonl},
 *       {@code reports.jsonl}, {@code images/};
 *   <li>VQA-RAD JSON ({@link org.medvqa.training.data.VqaRadReader}), SLAKE JSON ({@link
 *       org.medvqa.training.data.SlakeReader}) and PMC-VQA CSV, multiple choice ({@link
 *       org.medvqa.training.data.PmcVqaReader}).
 * </ul>
 *
 * Readers never throw because of a row: a row that does not parse, has an empty answer or names a
 * missing image is skipped and reported as a {@link org.medvqa.training.data.RowProblem}. {@link
 * org.medvqa.training.data.DatasetChecker} reports the same problems plus images shared between
 * splits ({@code medvqa data check}). The field-by-field format is in {@code training/DATA.md}.
 */
package org.medvqa.training.data;
