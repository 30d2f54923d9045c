package org.medvqa.terminology.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;

/**
 * DICOM PS3.16 codes as pydicom ships them: {@code scheme, code, meanings (|), keywords, cids} and
 * a second file {@code cid, name}. PS3.16 gives no is-a edges; the kind is voted from the names of
 * the context groups a code belongs to (laterality, modality and plane groups decide outright).
 */
public final class DicomPs316Source implements ConceptSource {
  private static final Set<String> LATERALITY_CIDS = Set.of("244", "245", "247");
  private static final Set<String> MODALITY_CIDS = Set.of("29");
  private static final Set<String> PLANE_CIDS = Set.of("501");
  private static final Pattern FINDING =
      Pattern.compile("Finding|Lesion|Abnormal|Diagnos|Patholog|Thrombus|Aneurysm|Stenosis|Disease|Opacity|Lucency|Calcification|Complication");
  private static final Pattern ANATOMY =
      Pattern.compile("Anatom|Arter|Vein|Vessel|Organ|Structures|Sites|Region|CranialNerves|Fibers|Teeth|Dentition|Tract");
  private static final Pattern QUALIFIER = Pattern.compile("SizeDescriptor|Severity");

  private final TextFile concepts;
  private final TextFile cidNames;

  public DicomPs316Source(TextFile concepts, TextFile cidNames) {
    this.concepts = concepts;
    this.cidNames = cidNames;
  }

  /** The copy this module ships (see {@code sources/PROVENANCE.md}). */
  public static DicomPs316Source bundled() {
    return new DicomPs316Source(
        TextFile.resource("sources/dicom_ps3_16_concepts.tsv"), TextFile.resource("sources/dicom_cid_names.tsv"));
  }

  @Override
  public void readInto(ConceptCatalog catalog) {
    Map<String, String> groupNames = new HashMap<>();
    if (cidNames != null) {
      cidNames.forEachTsvRow(
          (line, cells) -> {
            if (cells.length >= 2) {
              groupNames.put(cells[0].strip(), cells[1].strip());
            }
          });
    }
    concepts.forEachTsvRow(
        (line, cells) -> {
          if (line == 1 && cells[0].equals("scheme")) {
            return;
          }
          if (cells.length < 3) {
            throw concepts.badRow(line, "expected scheme, code, meanings, keywords, cids");
          }
          List<String> meanings = Synonyms.split(cells[2], '|');
          if (meanings.isEmpty()) {
            return;
          }
          String cids = cells.length > 4 ? cells[4] : "";
          catalog.add(
              new Concept(
                  cells[0].strip(),
                  cells[1].strip(),
                  meanings.get(0),
                  kindOf(cids.isBlank() ? List.of() : List.of(cids.split(",")), groupNames),
                  meanings,
                  List.of(),
                  "",
                  "DICOM PS3.16"));
        });
  }

  static ConceptKind kindOf(List<String> cids, Map<String, String> groupNames) {
    int finding = 0;
    int anatomy = 0;
    int qualifier = 0;
    List<String> names = new ArrayList<>();
    for (String raw : cids) {
      String cid = raw.strip();
      if (LATERALITY_CIDS.contains(cid)) {
        return ConceptKind.LATERALITY;
      }
      if (MODALITY_CIDS.contains(cid)) {
        return ConceptKind.MODALITY;
      }
      if (PLANE_CIDS.contains(cid)) {
        return ConceptKind.PLANE;
      }
      names.add(groupNames.getOrDefault(cid, ""));
    }
    for (String name : names) {
      boolean isAnatomy = ANATOMY.matcher(name).find();
      boolean isFinding = FINDING.matcher(name).find();
      if (isFinding && !isAnatomy) {
        finding++;
      } else if (isAnatomy && !isFinding) {
        anatomy++;
      } else if (QUALIFIER.matcher(name).find()) {
        qualifier++;
      }
    }
    if (finding == 0 && anatomy == 0) {
      return qualifier > 0 ? ConceptKind.QUALIFIER : ConceptKind.OTHER;
    }
    return finding > anatomy ? ConceptKind.FINDING : ConceptKind.ANATOMY;
  }

  @Override
  public String describe() {
    return "DICOM PS3.16 (" + concepts.name() + ")";
  }
}
