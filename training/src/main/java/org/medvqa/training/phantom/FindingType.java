package org.medvqa.training.phantom;

import java.util.List;

/**
 * The findings a phantom can hold, named with the terms the terminology module knows; the lay terms
 * and abbreviations in {@link #synonyms()} are used in paraphrased questions and as accepted answers.
 */
public enum FindingType {
  NODULE("nodule", "a nodule", "nodules", true,
      List.of("pulmonary nodule", "lung nodule", "nodular opacity"), List.of("a lung nodule", "a spot on the lung")),
  MASS("mass", "a mass", "masses", true,
      List.of("tumor", "tumour", "lesion"), List.of("a tumor", "a tumour", "a growth")),
  PLEURAL_EFFUSION("pleural effusion", "a pleural effusion", "pleural effusions", false,
      List.of("effusion", "fluid around the lung", "water on the lung"),
      List.of("fluid around the lung", "an effusion", "water on the lung")),
  CARDIOMEGALY("cardiomegaly", "cardiomegaly", "cardiomegaly", false,
      List.of("enlarged heart", "cardiac enlargement"), List.of("an enlarged heart", "a big heart")),
  CYST("cyst", "a cyst", "cysts", true,
      List.of("renal cyst", "kidney cyst"), List.of("a renal cyst", "a kidney cyst", "a fluid-filled sac")),
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

  /** Accepted alternatives for the term (synonyms the terminology knows, lay terms). */
  public List<String> synonyms() {
    return synonyms;
  }

  /** Names used in paraphrased questions; may include lay terms that are not accepted answers. */
  List<String> synonymsWithArticle() {
    return synonymsWithArticle;
  }

  /** The knob name ({@code nodule}, {@code pleural_effusion}, ...). */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
