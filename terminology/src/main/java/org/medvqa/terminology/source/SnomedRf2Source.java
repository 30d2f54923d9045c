package org.medvqa.terminology.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;

/**
 * SNOMED CT release format 2 (tab-separated, header row).
 *
 * <ul>
 *   <li>Descriptions ({@code sct2_Description_*}): id, effectiveTime, active, moduleId, conceptId,
 *       languageCode, typeId, term, caseSignificanceId. Active rows only; the fully specified name
 *       (typeId 900000000000003001) names the concept without its semantic tag, and the tag decides
 *       the kind ({@code body structure} anatomy; {@code disorder}, {@code finding},
 *       {@code morphologic abnormality} finding; {@code qualifier value} qualifier).
 *   <li>Relationships ({@code sct2_Relationship_*}, optional): id, effectiveTime, active, moduleId,
 *       sourceId, destinationId, relationshipGroup, typeId, ...; active rows of type 116680003
 *       (is a) make destinationId a parent of sourceId.
 * </ul>
 * Concepts use scheme {@code SCT}, so they merge with the SNOMED CT codes DICOM already lists.
 */
public final class SnomedRf2Source implements ConceptSource {
  static final String FSN = "900000000000003001";
  static final String IS_A = "116680003";
  private static final Pattern TAG = Pattern.compile("\\(([a-z][a-z /-]*)\\)\\s*$");

  private final TextFile descriptions;
  private final TextFile relationships;
  private final String language;

  public SnomedRf2Source(TextFile descriptions, TextFile relationships, String language) {
    this.descriptions = descriptions;
    this.relationships = relationships;
    this.language = language;
  }

  @Override
  public void readInto(ConceptCatalog catalog) {
    Map<String, Set<String>> terms = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    Map<String, ConceptKind> kinds = new HashMap<>();
    descriptions.forEachTsvRow(
        (line, f) -> {
          if (f[0].equals("id")) {
            return;
          }
          if (f.length < 9) {
            throw descriptions.badRow(line, "expected 9 RF2 description columns, found " + f.length);
          }
          if (!f[2].equals("1") || !f[5].equals(language)) {
            return;
          }
          String concept = f[4];
          String term = f[7].strip();
          if (f[6].equals(FSN)) {
            Matcher m = TAG.matcher(term);
            kinds.put(concept, m.find() ? kindOfTag(m.group(1)) : ConceptKind.OTHER);
            names.put(concept, Synonyms.clean(term));
          }
          String clean = Synonyms.clean(term);
          if (!clean.isEmpty()) {
            terms.computeIfAbsent(concept, c -> new LinkedHashSet<>()).add(clean);
          }
        });
    for (var e : terms.entrySet()) {
      List<String> synonyms = new ArrayList<>(e.getValue());
      catalog.add(
          new Concept(
              "SCT",
              e.getKey(),
              names.getOrDefault(e.getKey(), synonyms.get(0)),
              kinds.getOrDefault(e.getKey(), ConceptKind.OTHER),
              synonyms,
              List.of(),
              "",
              "SNOMED CT " + descriptions.name()));
    }
    if (relationships != null) {
      relationships.forEachTsvRow(
          (line, f) -> {
            if (f[0].equals("id")) {
              return;
            }
            if (f.length < 8) {
              throw relationships.badRow(line, "expected 10 RF2 relationship columns, found " + f.length);
            }
            if (f[2].equals("1") && f[7].equals(IS_A)) {
              catalog.addParent(Concept.id("SCT", f[4]), Concept.id("SCT", f[5]));
            }
          });
    }
  }

  static ConceptKind kindOfTag(String tag) {
    return switch (tag) {
      case "body structure", "cell structure" -> ConceptKind.ANATOMY;
      case "disorder", "finding", "morphologic abnormality" -> ConceptKind.FINDING;
      case "qualifier value" -> ConceptKind.QUALIFIER;
      default -> ConceptKind.OTHER;
    };
  }

  @Override
  public String describe() {
    return "SNOMED CT RF2 (" + descriptions.name() + ")";
  }
}
