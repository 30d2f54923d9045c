package org.medvqa.training.data;

/** The on-disk layouts {@link VqaDataset} recognises. */
public enum DatasetFormat {
  /** The canonical layout PhantomVQA writes: {@code train.jsonl}, {@code val.jsonl}, {@code test.jsonl}. */
  JSONL,
  /** VQA-RAD: {@code VQA_RAD Dataset Public.json}, or {@code trainset.json} + {@code testset.json}. */
  VQA_RAD,
  /** SLAKE: {@code train.json}, {@code validate.json}, {@code test.json} with images under {@code imgs/}. */
  SLAKE,
  /** PMC-VQA: {@code train.csv}/{@code test.csv} (or {@code train_2.csv}/{@code test_2.csv}). */
  PMC_VQA
}
