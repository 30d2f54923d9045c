package org.medvqa.training.phantom;

/** How PhantomVQA stores its images. */
public enum ImageFormat {
  /** Part-10 DICOM files with CT/MR/CR metadata (the default). */
  DICOM,
  /** 8-bit windowed PNG. */
  PNG
}
