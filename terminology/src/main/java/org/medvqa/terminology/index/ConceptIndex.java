package org.medvqa.terminology.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;
import org.medvqa.terminology.TerminologyException;

/**
 * A concept index opened for reading. All concepts are loaded once into memory (tens of thousands,
 * a few MB) for the extractor's dictionary; Lucene answers text search and fuzzy word lookups.
 * Thread-safe.
 */
public final class ConceptIndex implements Closeable {
  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<Concept> concepts;
  private final Map<String, Concept> byId;
  private final String sources;

  private ConceptIndex(FSDirectory directory, DirectoryReader reader) throws IOException {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.sources = reader.getIndexCommit().getUserData().getOrDefault(Fields.SOURCES_KEY, "");
    List<Concept> all = new ArrayList<>(reader.maxDoc());
    Map<String, Concept> ids = new HashMap<>(reader.maxDoc() * 2);
    for (var leaf : reader.leaves()) {
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        Concept c = concept(stored.document(doc));
        all.add(c);
        ids.put(c.id(), c);
      }
    }
    this.concepts = Collections.unmodifiableList(all);
    this.byId = Collections.unmodifiableMap(ids);
  }

  /** Opens an index written by {@link ConceptIndexWriter}. */
  public static ConceptIndex open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new TerminologyException("no concept index at " + dir);
    }
    FSDirectory directory = null;
    try {
      directory = FSDirectory.open(dir);
      if (!DirectoryReader.indexExists(directory)) {
        throw new TerminologyException("no concept index at " + dir + " (build one with: medvqa terms build --index " + dir + ")");
      }
      DirectoryReader reader = DirectoryReader.open(directory);
      String format = reader.getIndexCommit().getUserData().get(Fields.FORMAT_KEY);
      if (!Fields.FORMAT.equals(format)) {
        reader.close();
        throw new TerminologyException("the index at " + dir + " is not a medvqa concept index of format " + Fields.FORMAT);
      }
      return new ConceptIndex(directory, reader);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new TerminologyException("cannot open the concept index at " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(directory);
      throw e;
    }
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  private static Concept concept(Document d) {
    List<String> synonyms = new ArrayList<>();
    for (IndexableField f : d.getFields(Fields.SYNONYM)) {
      synonyms.add(f.stringValue());
    }
    List<String> parents = new ArrayList<>();
    for (IndexableField f : d.getFields(Fields.PARENT)) {
      parents.add(f.stringValue());
    }
    return new Concept(d.get(Fields.SCHEME), d.get(Fields.CODE), d.get(Fields.NAME), ConceptKind.parse(d.get(Fields.KIND)),
        synonyms, parents, d.get(Fields.GROUP), d.get(Fields.SOURCE));
  }

  public List<Concept> concepts() {
    return concepts;
  }

  public Optional<Concept> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Map<String, Concept> byId() {
    return byId;
  }

  /** The sources the index was built from, one per line. */
  public String sources() {
    return sources;
  }

  /** BM25 search over all synonyms (for people browsing, not for the scoring hot path). */
  public List<Concept> search(String text, int limit) {
    String escaped = QueryParser.escape(text.strip());
    if (escaped.isEmpty()) {
      return List.of();
    }
    try {
      QueryParser parser = new QueryParser(Fields.TEXT, new StandardAnalyzer());
      Query q = parser.parse(escaped);
      List<Concept> out = new ArrayList<>();
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(q, Math.max(1, limit)).scoreDocs) {
        out.add(byId.get(stored.document(hit.doc).get(Fields.ID)));
      }
      return out;
    } catch (ParseException | IndexSearcher.TooManyClauses e) {
      throw new TerminologyException("cannot search for '" + text + "': " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Typo correction over the normalised words of the extractable synonyms. */
  public LuceneTypoCorrector typoCorrector() {
    return new LuceneTypoCorrector(reader, Fields.WORD);
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
