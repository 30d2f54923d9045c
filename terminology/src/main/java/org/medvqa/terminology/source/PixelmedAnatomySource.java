package org.medvqa.terminology.source;

import java.util.ArrayList;
import java.util.List;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;

/**
 * PixelMed's anatomy dictionaries ({@code com.pixelmed.anatproc}) exported as
 * {@code dictionary, table, UMLS CUI, SNOMED CT id, scheme, legacy code, meaning, BodyPartExamined,
 * synonyms (|)}. Concepts with a SNOMED CT id merge into the DICOM concept {@code SCT:id}; view
 * positions become planes/projections, laterality entries lateralities.
 */
public final class PixelmedAnatomySource implements ConceptSource {
  private final TextFile file;

  public PixelmedAnatomySource(TextFile file) {
    this.file = file;
  }

  public static PixelmedAnatomySource bundled() {
    return new PixelmedAnatomySource(TextFile.resource("sources/pixelmed-anatomy.tsv"));
  }

  @Override
  public void readInto(ConceptCatalog catalog) {
    file.forEachTsvRow(
        (line, cells) -> {
          if (cells.length < 7) {
            throw file.badRow(line, "expected at least 7 tab-separated columns");
          }
          String snomed = cells[3].strip();
          String scheme = snomed.isEmpty() ? cells[4].strip() : "SCT";
          String code = snomed.isEmpty() ? cells[5].strip() : snomed;
          String meaning = Synonyms.clean(cells[6]);
          if (code.isEmpty() || meaning.isEmpty()) {
            return;
          }
          List<String> synonyms = new ArrayList<>();
          synonyms.add(meaning);
          if (cells.length > 8) {
            for (String s : Synonyms.split(cells[8], '|')) {
              if (!synonyms.contains(s)) {
                synonyms.add(s);
              }
            }
          }
          ConceptKind kind =
              switch (cells[1].strip()) {
                case "viewPositionConceptEntries" -> ConceptKind.PLANE;
                case "lateralityConceptEntries" -> ConceptKind.LATERALITY;
                default -> ConceptKind.ANATOMY;
              };
          catalog.add(new Concept(scheme, code, meaning, kind, synonyms, List.of(), "", "PixelMed anatproc"));
        });
  }

  @Override
  public String describe() {
    return "PixelMed anatomy (" + file.name() + ")";
  }
}
