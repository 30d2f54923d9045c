package org.medvqa.terminology.index;

/** Field names of the concept index. */
final class Fields {
  static final String ID = "id";
  static final String SCHEME = "scheme";
  static final String CODE = "code";
  static final String NAME = "name";
  static final String KIND = "kind";
  static final String SYNONYM = "synonym";
  static final String PARENT = "parent";
  static final String GROUP = "group";
  static final String SOURCE = "source";
  /** All synonyms as analysed text (BM25 search). */
  static final String TEXT = "text";
  /** Normalised words of extractable synonyms (fuzzy candidates). */
  static final String WORD = "word";

  /** Commit metadata: the format of this index. */
  static final String FORMAT_KEY = "medvqa.terminology.format";
  static final String SOURCES_KEY = "medvqa.terminology.sources";
  static final String FORMAT = "1";

  private Fields() {}
}
