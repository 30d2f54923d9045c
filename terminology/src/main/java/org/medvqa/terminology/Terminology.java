package org.medvqa.terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medvqa.terminology.align.Hierarchy;
import org.medvqa.terminology.align.SemanticAlignment;
import org.medvqa.terminology.extract.ConceptExtractor;
import org.medvqa.terminology.extract.LanguageResources;
import org.medvqa.terminology.extract.LateralityDetector;
import org.medvqa.terminology.extract.NegationDetector;
import org.medvqa.terminology.extract.SynonymDictionary;
import org.medvqa.terminology.extract.TextAnalyzer;
import org.medvqa.terminology.extract.TypoStep;
import org.medvqa.terminology.index.ConceptIndex;
import org.medvqa.terminology.index.ConceptIndexWriter;
import org.medvqa.terminology.source.ConceptCatalog;
import org.medvqa.terminology.source.ConceptSource;

/**
 * The terminology, opened: the concept index, the extractor and the semantic-alignment score.
 *
 * <pre>{@code
 * Terminology t = Terminology.shared();                 // default index, built on first use
 * t.extractor().extract("no left pneumothorax");        // [NOT left Pneumothorax ...]
 * t.alignment().score("PTX on the right", "right pneumothorax", null).score();   // 1.0
 * }</pre>
 *
 * Opening loads every synonym into an in-memory word trie once (the hot path never queries Lucene,
 * except for a new misspelling). Thread-safe; {@link #close} releases the index files.
 */
public final class Terminology implements AutoCloseable {
  private static final Object SHARED_LOCK = new Object();
  private static volatile Terminology shared;

  private final ConceptIndex index;
  private final ConceptExtractor extractor;
  private final SemanticAlignment alignment;

  private Terminology(ConceptIndex index) {
    this.index = index;
    LanguageResources language = LanguageResources.bundled();
    TextAnalyzer plain = new TextAnalyzer(language, null);
    SynonymDictionary dictionary = new SynonymDictionary(index.concepts(), plain, language.genericWords());
    Set<String> vocabulary = new HashSet<>(dictionary.vocabulary());
    for (NegationDetector.Trigger t : language.negationTriggers()) {
      vocabulary.addAll(plain.normalizeTerm(t.phrase()));
    }
    vocabulary.addAll(List.of("left", "right", "bilateral", "bilaterally", "both"));
    TextAnalyzer withTypos = new TextAnalyzer(language, new TypoStep(vocabulary, language.commonWords(), index.typoCorrector()));
    NegationDetector negation = new NegationDetector(language.negationTriggers(), plain);
    this.extractor = new ConceptExtractor(withTypos, dictionary, negation, sideConcepts(index));
    this.alignment = new SemanticAlignment(extractor, new Hierarchy(index.byId()), plain);
  }

  /** Opens the index in {@code indexDir} (built by {@link #build} or {@code medvqa terms build}). */
  public static Terminology open(Path indexDir) {
    ConceptIndex index = ConceptIndex.open(indexDir);
    try {
      return new Terminology(index);
    } catch (RuntimeException e) {
      try {
        index.close();
      } catch (IOException ignored) {
        // already failing
      }
      throw e;
    }
  }

  /**
   * Opens the default index (DICOM PS3.16, PixelMed anatomy, the medvqa lexicon), building it first
   * if this content has never been built here; see {@link DefaultIndex} for where it lives.
   */
  public static Terminology openDefault() {
    return open(DefaultIndex.ensureBuilt());
  }

  /** One default terminology for the whole process, opened on first use and never closed. */
  public static Terminology shared() {
    Terminology t = shared;
    if (t == null) {
      synchronized (SHARED_LOCK) {
        t = shared;
        if (t == null) {
          t = openDefault();
          shared = t;
        }
      }
    }
    return t;
  }

  /** Reads the sources in order (later ones refine earlier ones) and writes a new index. */
  public static int build(List<ConceptSource> sources, Path indexDir) {
    ConceptCatalog catalog = new ConceptCatalog();
    List<String> described = new ArrayList<>();
    for (ConceptSource s : sources) {
      s.readInto(catalog);
      described.add(s.describe());
    }
    List<Concept> concepts = catalog.concepts();
    TextAnalyzer plain = new TextAnalyzer(LanguageResources.bundled(), null);
    ConceptIndexWriter.write(concepts, indexDir, plain::normalizeTerm, described);
    return concepts.size();
  }

  private static Map<Laterality, Concept> sideConcepts(ConceptIndex index) {
    Map<Laterality, Concept> sides = new EnumMap<>(Laterality.class);
    sides.put(Laterality.LEFT, side(index, "SCT:7771000", "left", "Left"));
    sides.put(Laterality.RIGHT, side(index, "SCT:24028007", "right", "Right"));
    sides.put(Laterality.BILATERAL, side(index, "SCT:51440002", "bilateral", "Bilateral"));
    return sides;
  }

  private static Concept side(ConceptIndex index, String id, String code, String name) {
    return index.byId(id).orElseGet(() -> new Concept("MEDVQA", code, name, ConceptKind.LATERALITY, List.of(name),
        List.of(), "laterality", "medvqa built-in"));
  }

  public ConceptExtractor extractor() {
    return extractor;
  }

  public SemanticAlignment alignment() {
    return alignment;
  }

  public ConceptIndex index() {
    return index;
  }

  public Optional<Concept> concept(String id) {
    return index.byId(id);
  }

  /** BM25 search over synonyms (for browsing; the extractor does not use it). */
  public List<Concept> search(String text, int limit) {
    return index.search(text, limit);
  }

  /** Whether a word is a side word the extractor attaches to concepts. */
  public static boolean isSideWord(String word) {
    return LateralityDetector.isSideWord(word);
  }

  @Override
  public void close() {
    if (this == shared) {
      return;
    }
    try {
      index.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
