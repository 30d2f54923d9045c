package org.medvqa.terminology.source;

import java.util.List;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;

/**
 * The project's radiology VQA lexicon: {@code scheme, code, name, kind, synonyms (|), parents (|,
 * scheme:code), group, source}. A row whose id already exists (a DICOM or PixelMed concept) refines
 * it: adds synonyms and parents and sets kind and group. A second file lists suppressions:
 * {@code scheme, code, synonym or *, reason}.
 */
public final class LexiconSource implements ConceptSource {
  private final TextFile concepts;
  private final TextFile suppressions;

  public LexiconSource(TextFile concepts, TextFile suppressions) {
    this.concepts = concepts;
    this.suppressions = suppressions;
  }

  public static LexiconSource bundled() {
    return new LexiconSource(TextFile.resource("lexicon/concepts.tsv"), TextFile.resource("lexicon/suppressed.tsv"));
  }

  @Override
  public void readInto(ConceptCatalog catalog) {
    concepts.forEachTsvRow(
        (line, cells) -> {
          if (cells[0].equals("scheme")) {
            return;
          }
          if (cells.length < 8) {
            throw concepts.badRow(line, "expected 8 columns: scheme, code, name, kind, synonyms, parents, group, source");
          }
          ConceptKind kind = ConceptKind.parse(cells[3]);
          if (kind == ConceptKind.OTHER && !cells[3].isBlank() && !cells[3].strip().equalsIgnoreCase("other")) {
            throw concepts.badRow(line, "unknown kind '" + cells[3] + "'");
          }
          List<String> parents = Synonyms.split(cells[5], '|');
          catalog.refine(
              new Concept(
                  cells[0].strip(),
                  cells[1].strip(),
                  cells[2].strip(),
                  kind,
                  Synonyms.split(cells[4], '|'),
                  parents,
                  cells[6].strip(),
                  "medvqa lexicon: " + cells[7].strip()));
        });
    if (suppressions != null) {
      suppressions.forEachTsvRow(
          (line, cells) -> {
            if (cells[0].equals("scheme")) {
              return;
            }
            if (cells.length < 3) {
              throw suppressions.badRow(line, "expected scheme, code, synonym, reason");
            }
            catalog.suppress(Concept.id(cells[0].strip(), cells[1].strip()), cells[2].strip());
          });
    }
  }

  @Override
  public String describe() {
    return "medvqa radiology lexicon (" + concepts.name() + ")";
  }
}
