package org.medvqa.terminology.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The peer: plain Lucene BM25 term overlap. Each reference is a document (English analyzer:
 * lower case, stop words, Porter stems); a pair scores
 * {@code BM25(answer terms -> its reference) / BM25(reference terms -> its reference)}, capped at 1,
 * so the reference itself scores 1 and an answer sharing no stemmed word scores 0. One Lucene query
 * per pair, no terminology.
 */
final class Bm25OverlapScorer implements AutoCloseable {
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final double[] selfScore;

  Bm25OverlapScorer(List<String> references) {
    try {
      try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
        for (int i = 0; i < references.size(); i++) {
          Document d = new Document();
          d.add(new StringField("pair", Integer.toString(i), Field.Store.NO));
          d.add(new TextField("text", references.get(i), Field.Store.NO));
          w.addDocument(d);
        }
      }
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
      selfScore = new double[references.size()];
      for (int i = 0; i < references.size(); i++) {
        selfScore[i] = raw(i, references.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The normalised BM25 score of pair {@code i}'s answer against its reference, in [0, 1]. */
  double score(int i, String answer) {
    return selfScore[i] <= 0 ? 0 : Math.min(1.0, raw(i, answer) / selfScore[i]);
  }

  private double raw(int i, String text) {
    try {
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      q.add(new TermQuery(new Term("pair", Integer.toString(i))), BooleanClause.Occur.FILTER);
      int terms = 0;
      try (TokenStream ts = analyzer.tokenStream("text", text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken() && terms < IndexSearcher.getMaxClauseCount() - 1) {
          q.add(new TermQuery(new Term("text", term.toString())), BooleanClause.Occur.SHOULD);
          terms++;
        }
        ts.end();
      }
      if (terms == 0) {
        return 0;
      }
      Query query = q.setMinimumNumberShouldMatch(1).build();
      TopDocs top = searcher.search(query, 1);
      return top.scoreDocs.length == 0 ? 0 : top.scoreDocs[0].score;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
