package org.medvqa.training.phantom;

import java.util.List;

/**
 * The findings a phantom can hold, named with the terms the terminology module knows; the lay terms
 * and abbreviations in {@link #synonyms()} are used in paraphrased questions and as accepted answers.
 */
public enum FindingType {
  NODULE("nodule", "a nodule", "nodules", true,
      List.of("pulmonary nodule", "lung nodule", "spot on the lung"), List.of("a lung nodule", "a spot on the lung")),
  MASS("mass", "a mass", "masses", true,
      List.of("tumor", "tumour", "lesion", "growth"), List.of("a tumor", "a tumour", "a lesion")),
  PLEURAL_EFFUSION("pleural effusion", "a pleural effusion", "pleural effusions", false,
      List.of("effusion", "fluid around the lung", "water on the lung"),
      List.of("fluid around the lung", "an effusion", "water on the lung")),
  CARDIOMEGALY("cardiomegaly", "cardiomegaly", "cardiomegaly", false,
      List.of("enlarged heart", "cardiac enlargement", "big heart"), List.of("an enlarged heart", "cardiac enlargement")),
  CYST("cyst", "a cyst", "cysts", true,
      List.of("renal cyst", "kidney cyst", "fluid-filled sac"), List.of("a renal cyst", "a kidney cyst")),
  HYDROCEPHALUS("hydrocephalus", "hydrocephalus", "hydrocephalus", false,
      List.of("enlarged ventricles", "ventriculomegaly", "water on the brain"),
      List.of("enlarged ventricles", "ventriculomegaly", "water on the brain"));

  private final String term;
  private final String withArticle;
  private final String plural;
  private final boolean focal;
  private final List<String> synonyms;
  private final List<String> synonymsWithArticle;

  FindingType(String term, String withArticle, String plural, boolean focal, List<String> synonyms,
      List<String> synonymsWithArticle) {
    this.term = term;
    this.withArticle = withArticle;
    this.plural = plural;
    this.focal = focal;
    this.synonyms = synonyms;
    this.synonymsWithArticle = synonymsWithArticle;
  }

  /** The canonical term, used as the answer. */
  public String term() {
    return term;
  }

  /** The term as it reads after "Is there": {@code a nodule}, {@code cardiomegaly}. */
  public String withArticle() {
    return withArticle;
  }

  public String plural() {
    return plural;
  }

  /** Focal findings (nodule, mass, cyst) have a size, a count and a single location. */
  public boolean focal() {
    return focal;
  }

  /** Accepted alternatives for the term (synonyms, lay terms). */
  public List<String> synonyms() {
    return synonyms;
  }

  List<String> synonymsWithArticle() {
    return synonymsWithArticle;
  }

  /** The knob name ({@code nodule}, {@code pleural_effusion}, ...). */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
