package org.medvqa.terminology.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.medvqa.terminology.ConceptKind;
import org.medvqa.terminology.TerminologyException;

/**
 * A source named on the command line as {@code FORMAT[:KIND]=PATH}, for example
 * {@code umls=/data/umls/META}, {@code snomed=/data/SnomedCT_Int/Snapshot}, {@code obo:anatomy=uberon.obo},
 * {@code csv=local.csv}, {@code dicom=dicom_ps3_16_concepts.tsv}, {@code lexicon=concepts.tsv}.
 * KIND is the concept kind for sources that do not say one (OBO, CSV/TSV without a kind column).
 */
public record SourceSpec(Format format, ConceptKind defaultKind, Path path) {

  /** The formats the importers read. */
  public enum Format {
    DICOM, PIXELMED, LEXICON, UMLS, SNOMED, OBO, CSV, TSV
  }

  public static SourceSpec parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new TerminologyException("source must look like FORMAT[:KIND]=PATH, got '" + spec + "'");
    }
    String head = spec.substring(0, eq).strip().toUpperCase(Locale.ROOT);
    ConceptKind kind = ConceptKind.FINDING;
    int colon = head.indexOf(':');
    if (colon >= 0) {
      String k = head.substring(colon + 1);
      kind = ConceptKind.parse(k);
      if (kind == ConceptKind.OTHER && !k.equals("OTHER")) {
        throw new TerminologyException("unknown concept kind '" + k.toLowerCase(Locale.ROOT) + "' in source '" + spec + "'");
      }
      head = head.substring(0, colon);
    }
    Format format;
    try {
      format = Format.valueOf(head);
    } catch (IllegalArgumentException e) {
      throw new TerminologyException("unknown source format '" + head.toLowerCase(Locale.ROOT)
          + "' (known: dicom, pixelmed, lexicon, umls, snomed, obo, csv, tsv)");
    }
    Path path = Path.of(spec.substring(eq + 1).strip());
    if (!Files.exists(path)) {
      throw new TerminologyException("source " + format.name().toLowerCase(Locale.ROOT) + ": no such file or directory: " + path);
    }
    return new SourceSpec(format, kind, path);
  }

  /** The reader for this source. */
  public ConceptSource open() {
    return switch (format) {
      case DICOM -> new DicomPs316Source(TextFile.of(path), sibling(path, "dicom_cid_names.tsv").map(TextFile::of).orElse(null));
      case PIXELMED -> new PixelmedAnatomySource(TextFile.of(path));
      case LEXICON -> new LexiconSource(TextFile.of(path), sibling(path, "suppressed.tsv").map(TextFile::of).orElse(null));
      case UMLS -> umls();
      case SNOMED -> snomed();
      case OBO -> new OboSource(TextFile.of(path), defaultKind);
      case CSV -> new DelimitedSource(TextFile.of(path), ',', "LOCAL", defaultKind);
      case TSV -> new DelimitedSource(TextFile.of(path), '\t', "LOCAL", defaultKind);
    };
  }

  private ConceptSource umls() {
    Path dir = Files.isDirectory(path) ? path : path.getParent();
    Path mrconso = Files.isDirectory(path) ? dir.resolve("MRCONSO.RRF") : path;
    if (!Files.isRegularFile(mrconso)) {
      throw new TerminologyException("source umls: no MRCONSO.RRF in " + dir);
    }
    return new UmlsSource(
        TextFile.of(mrconso),
        optional(dir.resolve("MRREL.RRF")).map(TextFile::of).orElse(null),
        optional(dir.resolve("MRSTY.RRF")).map(TextFile::of).orElse(null),
        "ENG");
  }

  private ConceptSource snomed() {
    Path descriptions = Files.isDirectory(path) ? find(path, "sct2_Description_").orElse(null) : path;
    if (descriptions == null) {
      throw new TerminologyException("source snomed: no sct2_Description_* file under " + path);
    }
    Path searchRoot = Files.isDirectory(path) ? path : path.getParent();
    Optional<Path> relationships = find(searchRoot, "sct2_Relationship_");
    return new SnomedRf2Source(TextFile.of(descriptions), relationships.map(TextFile::of).orElse(null), "en");
  }

  private static Optional<Path> find(Path root, String prefix) {
    try (Stream<Path> files = Files.walk(root, 6)) {
      List<Path> found = files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .sorted(Comparator.comparing((Path p) -> !p.toString().contains("Snapshot")).thenComparing(Path::toString))
          .toList();
      return found.stream().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> sibling(Path file, String name) {
    return file.getParent() == null ? optional(Path.of(name)) : optional(file.getParent().resolve(name));
  }

  private static Optional<Path> optional(Path p) {
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }
}
