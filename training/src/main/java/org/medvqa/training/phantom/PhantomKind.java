package org.medvqa.training.phantom;

import java.util.List;

/**
 * The four phantom families: what they show, how they are acquired, and which findings they can hold.
 * DICOM values ({@code dicomModality}, {@code bodyPart}) follow PS3.3 / PS3.16 (CID 4031 body parts).
 */
public enum PhantomKind {
  CHEST_CT("CT", "CT", "CHEST", "chest", "axial", "CT chest axial", -500, 1500, -1024,
      List.of(FindingType.NODULE, FindingType.MASS, FindingType.PLEURAL_EFFUSION)),
  CHEST_XRAY("X-ray", "CR", "CHEST", "chest", "coronal", "Chest PA", 2048, 4096, 0,
      List.of(FindingType.NODULE, FindingType.MASS, FindingType.PLEURAL_EFFUSION, FindingType.CARDIOMEGALY)),
  ABDOMEN_CT("CT", "CT", "ABDOMEN", "abdomen", "axial", "CT abdomen axial", 40, 400, -1024,
      List.of(FindingType.MASS, FindingType.CYST)),
  HEAD_MR("MRI", "MR", "HEAD", "head", "axial", "MR brain axial T2", 500, 1000, 0,
      List.of(FindingType.MASS, FindingType.HYDROCEPHALUS));

  private final String modality;
  private final String dicomModality;
  private final String bodyPart;
  private final String region;
  private final String plane;
  private final String seriesDescription;
  private final double windowCenter;
  private final double windowWidth;
  private final double rescaleIntercept;
  private final List<FindingType> findings;

  PhantomKind(String modality, String dicomModality, String bodyPart, String region, String plane,
      String seriesDescription, double windowCenter, double windowWidth, double rescaleIntercept,
      List<FindingType> findings) {
    this.modality = modality;
    this.dicomModality = dicomModality;
    this.bodyPart = bodyPart;
    this.region = region;
    this.plane = plane;
    this.seriesDescription = seriesDescription;
    this.windowCenter = windowCenter;
    this.windowWidth = windowWidth;
    this.rescaleIntercept = rescaleIntercept;
    this.findings = findings;
  }

  /** The modality as the questions name it: {@code CT}, {@code MRI}, {@code X-ray}. */
  public String modality() {
    return modality;
  }

  /** DICOM (0008,0060): {@code CT}, {@code MR}, {@code CR}. */
  public String dicomModality() {
    return dicomModality;
  }

  /** DICOM (0018,0015) Body Part Examined. */
  public String bodyPart() {
    return bodyPart;
  }

  /** The body region as the questions name it: {@code chest}, {@code abdomen}, {@code head}. */
  public String region() {
    return region;
  }

  /** {@code axial} or {@code coronal}. */
  public String plane() {
    return plane;
  }

  public String seriesDescription() {
    return seriesDescription;
  }

  /** The VOI window, in modality units (HU for CT). */
  public double windowCenter() {
    return windowCenter;
  }

  public double windowWidth() {
    return windowWidth;
  }

  /** Stored value = modality value - intercept (slope 1); CT stores HU + 1024. */
  public double rescaleIntercept() {
    return rescaleIntercept;
  }

  /** The findings this kind of phantom can hold. */
  public List<FindingType> findings() {
    return findings;
  }
}
