package org.medvqa.terminology.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;

/**
 * UMLS Metathesaurus release files in RRF (pipe-separated, one trailing {@code |}).
 *
 * <ul>
 *   <li>{@code MRCONSO.RRF}: CUI|LAT|TS|LUI|STT|SUI|ISPREF|AUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF.
 *       One concept per CUI (scheme {@code UMLS}); rows of other languages and suppressed rows
 *       ({@code SUPPRESS} O, E or Y) are skipped; the preferred name is the row with TS=P, STT=PF,
 *       ISPREF=Y.
 *   <li>{@code MRREL.RRF} (optional): CUI1|AUI1|STYPE1|REL|CUI2|... ; REL is the relation of the
 *       second concept to the first, so {@code PAR} makes CUI2 a parent of CUI1 and {@code CHD} makes
 *       CUI1 a parent of CUI2.
 *   <li>{@code MRSTY.RRF} (optional): CUI|TUI|STN|STY|... ; semantic types decide the kind.
 * </ul>
 */
public final class UmlsSource implements ConceptSource {
  private static final Set<String> ANATOMY_TYPES = Set.of("T017", "T018", "T021", "T022", "T023", "T024", "T025", "T026", "T029", "T030", "T031");
  private static final Set<String> FINDING_TYPES = Set.of("T019", "T020", "T033", "T037", "T046", "T047", "T048", "T049", "T050", "T190", "T191", "T184");
  private static final Set<String> QUALIFIER_TYPES = Set.of("T080", "T081", "T082");

  private final TextFile mrconso;
  private final TextFile mrrel;
  private final TextFile mrsty;
  private final String language;

  /** {@code mrrel} and {@code mrsty} may be null. */
  public UmlsSource(TextFile mrconso, TextFile mrrel, TextFile mrsty, String language) {
    this.mrconso = mrconso;
    this.mrrel = mrrel;
    this.mrsty = mrsty;
    this.language = language;
  }

  @Override
  public void readInto(ConceptCatalog catalog) {
    Map<String, ConceptKind> kinds = new HashMap<>();
    if (mrsty != null) {
      mrsty.forEachLine(
          (line, text) -> {
            String[] f = text.split("\\|", -1);
            if (f.length < 2) {
              throw mrsty.badRow(line, "expected CUI|TUI|STN|STY|ATUI|CVF|");
            }
            ConceptKind k = kindOfType(f[1]);
            kinds.merge(f[0], k, (a, b) -> a == ConceptKind.OTHER ? b : a);
          });
    }
    Map<String, String> preferred = new LinkedHashMap<>();
    Map<String, Set<String>> terms = new LinkedHashMap<>();
    mrconso.forEachLine(
        (line, text) -> {
          String[] f = text.split("\\|", -1);
          if (f.length < 17) {
            throw mrconso.badRow(line, "expected 18 |-separated MRCONSO fields, found " + f.length);
          }
          String suppress = f[16];
          if (!f[1].equals(language) || suppress.equals("O") || suppress.equals("E") || suppress.equals("Y")) {
            return;
          }
          String cui = f[0];
          String term = Synonyms.clean(f[14]);
          if (term.isEmpty()) {
            return;
          }
          terms.computeIfAbsent(cui, c -> new LinkedHashSet<>()).add(term);
          if (f[2].equals("P") && f[4].equals("PF") && f[6].equals("Y")) {
            preferred.putIfAbsent(cui, term);
          }
        });
    for (var e : terms.entrySet()) {
      List<String> synonyms = new ArrayList<>(e.getValue());
      String name = preferred.getOrDefault(e.getKey(), synonyms.get(0));
      ConceptKind kind = kinds.getOrDefault(e.getKey(), mrsty == null ? ConceptKind.FINDING : ConceptKind.OTHER);
      catalog.add(new Concept("UMLS", e.getKey(), name, kind, synonyms, List.of(), "", "UMLS " + mrconso.name()));
    }
    if (mrrel != null) {
      mrrel.forEachLine(
          (line, text) -> {
            String[] f = text.split("\\|", -1);
            if (f.length < 5) {
              throw mrrel.badRow(line, "expected CUI1|AUI1|STYPE1|REL|CUI2|... MRREL fields");
            }
            String cui1 = Concept.id("UMLS", f[0]);
            String cui2 = Concept.id("UMLS", f[4]);
            switch (f[3]) {
              case "PAR" -> catalog.addParent(cui1, cui2);
              case "CHD" -> catalog.addParent(cui2, cui1);
              default -> {}
            }
          });
    }
  }

  static ConceptKind kindOfType(String tui) {
    if (ANATOMY_TYPES.contains(tui)) {
      return ConceptKind.ANATOMY;
    }
    if (FINDING_TYPES.contains(tui)) {
      return ConceptKind.FINDING;
    }
    return QUALIFIER_TYPES.contains(tui) ? ConceptKind.QUALIFIER : ConceptKind.OTHER;
  }

  @Override
  public String describe() {
    return "UMLS (" + mrconso.name() + ")";
  }
}
