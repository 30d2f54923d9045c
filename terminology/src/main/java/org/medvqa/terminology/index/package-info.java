/**
 * The concept index on disk (Lucene 10): one document per concept with its synonyms, kind, parents
 * and provenance; a text field for BM25 lookups; and the normalised words of every synonym, whose
 * term dictionary answers fuzzy (typo) lookups. Written once, read by many threads.
 */
package org.medvqa.terminology.index;
