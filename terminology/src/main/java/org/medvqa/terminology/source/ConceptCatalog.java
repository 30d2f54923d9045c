package org.medvqa.terminology.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medvqa.terminology.Concept;
import org.medvqa.terminology.ConceptKind;

/**
 * Concepts from several sources merged by {@code scheme:code}: synonyms and parents are unions,
 * the first source names the concept, a later source may refine kind, group and name when it says
 * {@link #refine so}. Not thread-safe; one catalog per build.
 */
public final class ConceptCatalog {

  private static final class Entry {
    final String scheme;
    final String code;
    String name;
    ConceptKind kind;
    String group = "";
    final Set<String> synonyms = new LinkedHashSet<>();
    final Set<String> parents = new LinkedHashSet<>();
    final Set<String> sources = new LinkedHashSet<>();

    Entry(String scheme, String code, String name, ConceptKind kind) {
      this.scheme = scheme;
      this.code = code;
      this.name = name;
      this.kind = kind;
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Set<String> suppressedSynonyms = new LinkedHashSet<>();
  private final Set<String> suppressedConcepts = new LinkedHashSet<>();

  /** Adds a concept or merges it into the one with the same id (kind only fills in OTHER). */
  public void add(Concept concept) {
    merge(concept, false);
  }

  /** Like {@link #add} but a non-empty name, a kind other than OTHER and a group replace the old. */
  public void refine(Concept concept) {
    merge(concept, true);
  }

  private void merge(Concept c, boolean refine) {
    Entry e = entries.computeIfAbsent(c.id(), id -> new Entry(c.scheme(), c.code(), c.name(), c.kind()));
    if (refine && !c.name().isBlank()) {
      e.name = c.name();
    }
    if (e.name.isBlank()) {
      e.name = c.name();
    }
    if (c.kind() != ConceptKind.OTHER && (refine || e.kind == ConceptKind.OTHER)) {
      e.kind = c.kind();
    }
    if (!c.group().isEmpty() && (refine || e.group.isEmpty())) {
      e.group = c.group();
    }
    if (!c.name().isBlank()) {
      e.synonyms.add(c.name().strip());
    }
    for (String s : c.synonyms()) {
      if (!s.isBlank()) {
        e.synonyms.add(s.strip());
      }
    }
    e.parents.addAll(c.parents());
    if (!c.source().isEmpty()) {
      e.sources.add(c.source());
    }
  }

  /** Adds an is-a edge; both ends may arrive later from other rows. */
  public void addParent(String childId, String parentId) {
    Entry e = entries.get(childId);
    if (e != null && !childId.equals(parentId)) {
      e.parents.add(parentId);
    }
  }

  /** Drops one synonym of a concept (a source's known mistake), or the whole concept for {@code *}. */
  public void suppress(String id, String synonym) {
    if ("*".equals(synonym)) {
      suppressedConcepts.add(id);
    } else {
      suppressedSynonyms.add(id + "\t" + synonym.strip().toLowerCase(Locale.ROOT));
    }
  }

  public boolean contains(String id) {
    return entries.containsKey(id);
  }

  public int size() {
    return entries.size();
  }

  /** The merged concepts in insertion order, suppressions applied, dangling parents dropped. */
  public List<Concept> concepts() {
    List<Concept> out = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      String id = Concept.id(e.scheme, e.code);
      if (suppressedConcepts.contains(id)) {
        continue;
      }
      List<String> synonyms = new ArrayList<>();
      for (String s : e.synonyms) {
        if (!suppressedSynonyms.contains(id + "\t" + s.toLowerCase(Locale.ROOT))) {
          synonyms.add(s);
        }
      }
      List<String> parents = new ArrayList<>();
      for (String p : e.parents) {
        if (entries.containsKey(p) && !suppressedConcepts.contains(p)) {
          parents.add(p);
        }
      }
      String name = suppressedSynonyms.contains(id + "\t" + e.name.toLowerCase(Locale.ROOT)) && !synonyms.isEmpty()
          ? synonyms.get(0) : e.name;
      out.add(new Concept(e.scheme, e.code, name, e.kind, synonyms, parents, e.group, String.join("; ", e.sources)));
    }
    return out;
  }
}
