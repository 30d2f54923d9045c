package org.medvqa.terminology.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;
import org.medvqa.terminology.TerminologyException;

/** Writes a list of concepts into a fresh index directory (one commit, then closed). */
public final class ConceptIndexWriter {
  private ConceptIndexWriter() {}

  /**
   * @param normalise the extraction chain's normalisation of a term into words (for the fuzzy field)
   * @param sources one line describing each source (kept in the commit metadata)
   */
  public static void write(List<Concept> concepts, Path dir, Function<String, List<String>> normalise, List<String> sources) {
    try {
      Files.createDirectories(dir);
      try (var directory = FSDirectory.open(dir);
          var writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
              .setRAMBufferSizeMB(64))) {
        for (Concept c : concepts) {
          writer.addDocument(document(c, normalise));
        }
        writer.setLiveCommitData(Map.of(
            Fields.FORMAT_KEY, Fields.FORMAT,
            Fields.SOURCES_KEY, String.join("\n", sources)).entrySet());
        writer.forceMerge(1);
        writer.commit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the concept index to " + dir, e);
    } catch (IllegalArgumentException e) {
      throw new TerminologyException("cannot index the concepts: " + e.getMessage(), e);
    }
  }

  private static Document document(Concept c, Function<String, List<String>> normalise) {
    Document d = new Document();
    d.add(new StringField(Fields.ID, c.id(), Field.Store.YES));
    d.add(new StringField(Fields.SCHEME, c.scheme(), Field.Store.YES));
    d.add(new StringField(Fields.CODE, c.code(), Field.Store.YES));
    d.add(new StoredField(Fields.NAME, c.name()));
    d.add(new StringField(Fields.KIND, c.kind().label(), Field.Store.YES));
    d.add(new StringField(Fields.GROUP, c.group(), Field.Store.YES));
    d.add(new StoredField(Fields.SOURCE, c.source()));
    Set<String> words = new LinkedHashSet<>();
    for (String s : c.synonyms()) {
      d.add(new StoredField(Fields.SYNONYM, s));
      d.add(new TextField(Fields.TEXT, s, Field.Store.NO));
      if (c.kind() != ConceptKind.OTHER) {
        words.addAll(normalise.apply(s));
      }
    }
    for (String w : words) {
      d.add(new StringField(Fields.WORD, w, Field.Store.NO));
    }
    for (String p : c.parents()) {
      d.add(new StringField(Fields.PARENT, p, Field.Store.YES));
    }
    return d;
  }
}
