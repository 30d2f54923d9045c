package org.medvqa.terminology.source;

/** One source of concepts: reads its files and adds what it finds to a catalog. */
public interface ConceptSource {
  void readInto(ConceptCatalog catalog);

  /** What it reads, for logs and the index's provenance. */
  String describe();
}
