package org.medvqa.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.terminology.source.ConceptSource;
import org.medvqa.terminology.source.SourceSpec;

/**
 * Each importer on a small file in its exact release format, written here, built into a real index
 * on disk, opened, and used for extraction and scoring.
 */
class ImportersTest {
  @TempDir Path dir;

  private Terminology buildAndOpen(String... specs) {
    List<ConceptSource> sources = java.util.Arrays.stream(specs).map(s -> SourceSpec.parse(s).open()).toList();
    Path index = dir.resolve("index");
    Terminology.build(sources, index);
    return Terminology.open(index);
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void umlsRrfWithRelationsAndSemanticTypes() throws Exception {
    Path meta = dir.resolve("META");
    write("META/MRCONSO.RRF", String.join("\n",
        "C0032285|ENG|P|L0032285|PF|S0076297|Y|A0104011||M0017145|D011014|MSH|MH|D011014|Pneumonia|0|N|256|",
        "C0032285|ENG|S|L0024109|PF|S0059681|Y|A0088830||M0017145|D011014|MSH|ET|D011014|Lung Inflammation|0|N|256|",
        "C0032285|FRE|P|L1234567|PF|S1234567|Y|A1234567||M0017145|D011014|MSHFRE|MH|D011014|Pneumopathie|3|N||",
        "C0032285|ENG|S|L7654321|PF|S7654321|N|A7654321||||MTH|PN||Pneumonitis obsolete|0|O||",
        "C0024115|ENG|P|L0024115|PF|S0059671|Y|A0088818||M0012614|D008171|MSH|MH|D008171|Lung Diseases|0|N|256|",
        "C0024109|ENG|P|L0024109|PF|S0059660|Y|A0088809||M0012611|D008168|MSH|MH|D008168|Lung|0|N|256|") + "\n");
    write("META/MRREL.RRF", String.join("\n",
        "C0032285|A0104011|AUI|PAR|C0024115|A0088818|AUI|inverse_isa|R1|||MSH|MSH|||N||",
        "C0024115|A0088818|AUI|CHD|C0032285|A0104011|AUI|isa|R2|||MSH|MSH|||N||",
        "C0032285|A0104011|AUI|RO|C0024109|A0088809|AUI|has_finding_site|R3|||MSH|MSH|||N||") + "\n");
    write("META/MRSTY.RRF", String.join("\n",
        "C0032285|T047|B2.2.1.2.1|Disease or Syndrome|AT17683839|256|",
        "C0024115|T047|B2.2.1.2.1|Disease or Syndrome|AT17683840|256|",
        "C0024109|T023|A1.2.3.1|Body Part, Organ, or Organ Component|AT17683841|256|") + "\n");
    try (Terminology t = buildAndOpen("umls=" + meta)) {
      Concept pneumonia = t.concept("UMLS:C0032285").orElseThrow();
      assertThat(pneumonia.name()).isEqualTo("Pneumonia");
      assertThat(pneumonia.synonyms()).containsExactly("Pneumonia", "Lung Inflammation");
      assertThat(pneumonia.parents()).containsExactly("UMLS:C0024115");
      assertThat(pneumonia.kind()).isEqualTo(ConceptKind.FINDING);
      assertThat(t.concept("UMLS:C0024109").orElseThrow().kind()).isEqualTo(ConceptKind.ANATOMY);
      assertThat(t.extractor().extract("lung inflammation")).extracting(m -> m.concept().id()).containsExactly("UMLS:C0032285");
      assertThat(t.alignment().score("pneumonia", "lung diseases", null).score()).isEqualTo(0.75);
    }
  }

  @Test
  void snomedRf2DescriptionsAndIsA() throws Exception {
    String header = "id\teffectiveTime\tactive\tmoduleId\tconceptId\tlanguageCode\ttypeId\tterm\tcaseSignificanceId\n";
    write("Snapshot/Terminology/sct2_Description_Snapshot-en_INT_20240101.txt", header + String.join("\n",
        "100001\t20240101\t1\t900000000000207008\t233604007\ten\t900000000000003001\tPneumonia (disorder)\t900000000000448009",
        "100002\t20240101\t1\t900000000000207008\t233604007\ten\t900000000000013009\tPneumonia\t900000000000448009",
        "100003\t20240101\t0\t900000000000207008\t233604007\ten\t900000000000013009\tOld retired term\t900000000000448009",
        "100004\t20240101\t1\t900000000000207008\t50043002\ten\t900000000000003001\tDisorder of respiratory system (disorder)\t900000000000448009",
        "100005\t20240101\t1\t900000000000207008\t39607008\ten\t900000000000003001\tLung structure (body structure)\t900000000000448009",
        "100006\t20240101\t1\t900000000000207008\t39607008\ten\t900000000000013009\tLung\t900000000000448009",
        "100007\t20240101\t1\t900000000000207008\t39607008\tde\t900000000000013009\tLunge\t900000000000448009") + "\n");
    write("Snapshot/Terminology/sct2_Relationship_Snapshot_INT_20240101.txt",
        "id\teffectiveTime\tactive\tmoduleId\tsourceId\tdestinationId\trelationshipGroup\ttypeId\tcharacteristicTypeId\tmodifierId\n"
            + "200001\t20240101\t1\t900000000000207008\t233604007\t50043002\t0\t116680003\t900000000000011006\t900000000000451002\n"
            + "200002\t20240101\t0\t900000000000207008\t233604007\t39607008\t0\t116680003\t900000000000011006\t900000000000451002\n"
            + "200003\t20240101\t1\t900000000000207008\t233604007\t39607008\t0\t363698007\t900000000000011006\t900000000000451002\n");
    try (Terminology t = buildAndOpen("snomed=" + dir.resolve("Snapshot"))) {
      Concept pneumonia = t.concept("SCT:233604007").orElseThrow();
      assertThat(pneumonia.name()).isEqualTo("Pneumonia");
      assertThat(pneumonia.kind()).isEqualTo(ConceptKind.FINDING);
      assertThat(pneumonia.synonyms()).containsExactly("Pneumonia").doesNotContain("Old retired term");
      assertThat(pneumonia.parents()).containsExactly("SCT:50043002");
      Concept lung = t.concept("SCT:39607008").orElseThrow();
      assertThat(lung.kind()).isEqualTo(ConceptKind.ANATOMY);
      assertThat(lung.synonyms()).containsExactly("Lung structure", "Lung");
    }
  }

  @Test
  void oboStanzas() throws Exception {
    Path obo = write("tiny.obo", String.join("\n",
        "format-version: 1.2",
        "ontology: tiny",
        "",
        "[Term]",
        "id: TINY:0001",
        "name: lung nodule",
        "synonym: \"pulmonary nodule\" EXACT []",
        "synonym: \"coin lesion\" RELATED [PMID:1]",
        "synonym: \"lesion\" BROAD []",
        "is_a: TINY:0002 ! nodule",
        "",
        "[Term]",
        "id: TINY:0002",
        "name: nodule",
        "",
        "[Term]",
        "id: TINY:0003",
        "name: old thing",
        "is_obsolete: true",
        "",
        "[Typedef]",
        "id: part_of",
        "name: part of") + "\n");
    try (Terminology t = buildAndOpen("obo:finding=" + obo)) {
      Concept nodule = t.concept("TINY:0001").orElseThrow();
      assertThat(nodule.synonyms()).containsExactly("lung nodule", "pulmonary nodule", "coin lesion");
      assertThat(nodule.parents()).containsExactly("TINY:0002");
      assertThat(t.concept("TINY:0003")).isEmpty();
      assertThat(t.concept("part_of")).isEmpty();
      assertThat(t.alignment().score("coin lesion", "nodule", null).score()).isEqualTo(0.75);
    }
  }

  @Test
  void csvWithQuotesAndTsv() throws Exception {
    Path csv = write("local.csv", "code,name,kind,synonyms,parents,scheme\n"
        + "N1,\"Nodule, pulmonary\",finding,\"lung spot|\"\"coin\"\" lesion\",N0,HOSP\n"
        + "N0,Lesion,finding,,,HOSP\n");
    Path tsv = write("local.tsv", "name\tcode\tkind\nZebra sign\tZ1\tfinding\n");
    try (Terminology t = buildAndOpen("csv=" + csv, "tsv=" + tsv)) {
      Concept n1 = t.concept("HOSP:N1").orElseThrow();
      assertThat(n1.name()).isEqualTo("Nodule, pulmonary");
      assertThat(n1.synonyms()).containsExactly("Nodule, pulmonary", "lung spot", "\"coin\" lesion");
      assertThat(n1.parents()).containsExactly("HOSP:N0");
      assertThat(t.concept("LOCAL:Z1").orElseThrow().kind()).isEqualTo(ConceptKind.FINDING);
      assertThat(t.extractor().extract("a zebra sign")).extracting(m -> m.concept().id()).containsExactly("LOCAL:Z1");
    }
  }

  @Test
  void badFilesSayFileAndLine() throws Exception {
    write("bad/MRCONSO.RRF", "C0032285|ENG|P|too few fields|\n");
    assertThatThrownBy(() -> buildAndOpen("umls=" + dir.resolve("bad")))
        .isInstanceOf(TerminologyException.class).hasMessageContaining("MRCONSO.RRF:1");
    Path csv = write("nohead.csv", "id,label\n1,x\n");
    assertThatThrownBy(() -> buildAndOpen("csv=" + csv))
        .isInstanceOf(TerminologyException.class).hasMessageContaining("nohead.csv:1").hasMessageContaining("'code' and 'name'");
    Path open = write("open.csv", "code,name\n1,\"unclosed\n");
    assertThatThrownBy(() -> buildAndOpen("csv=" + open)).isInstanceOf(TerminologyException.class).hasMessageContaining("unclosed quote");
    Path obo = write("bad.obo", "[Term]\nid: X:1\nname: x\nsynonym: not quoted EXACT []\n");
    assertThatThrownBy(() -> buildAndOpen("obo=" + obo)).isInstanceOf(TerminologyException.class).hasMessageContaining("bad.obo:4");
    Path latin1 = dir.resolve("latin1.tsv");
    Files.write(latin1, "code\tname\n1\t\u00d6dem\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> buildAndOpen("tsv=" + latin1)).isInstanceOf(TerminologyException.class).hasMessageContaining("not valid UTF-8");
    assertThatThrownBy(() -> SourceSpec.parse("umls")).isInstanceOf(TerminologyException.class).hasMessageContaining("FORMAT[:KIND]=PATH");
    assertThatThrownBy(() -> SourceSpec.parse("obo:colour=" + obo)).isInstanceOf(TerminologyException.class).hasMessageContaining("unknown concept kind");
    assertThatThrownBy(() -> SourceSpec.parse("csv=" + dir.resolve("missing.csv"))).isInstanceOf(TerminologyException.class).hasMessageContaining("no such file");
    assertThatThrownBy(() -> Terminology.open(dir.resolve("empty"))).isInstanceOf(TerminologyException.class);
    Files.createDirectories(dir.resolve("notindex"));
    assertThatThrownBy(() -> Terminology.open(dir.resolve("notindex"))).isInstanceOf(TerminologyException.class)
        .hasMessageContaining("medvqa terms build");
  }
}
