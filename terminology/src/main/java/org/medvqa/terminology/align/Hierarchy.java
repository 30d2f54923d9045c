package org.medvqa.terminology.align;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.medvqa.terminology.Concept;

/**
 * Broader/narrower distance along the parents the sources give (is-a, and in the lexicon the
 * part-of of a lobe to its lung). Only a straight line up or down counts: siblings ("upper lobe",
 * "lower lobe") are not related, however close their common parent.
 */
public final class Hierarchy {
  static final int MAX_DEPTH = 3;
  private final Map<String, Concept> byId;

  public Hierarchy(Map<String, Concept> byId) {
    this.byId = byId;
  }

  /** Steps from one concept up to the other (either way round), 0 when equal, -1 when unrelated. */
  public int distance(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int up = stepsUp(a, b);
    int down = stepsUp(b, a);
    if (up < 0) {
      return down;
    }
    return down < 0 ? up : Math.min(up, down);
  }

  /** The concept with this id, or null. */
  public Concept concept(String id) {
    return byId.get(id);
  }

  /** Whether {@code a} is an ancestor of {@code b} (within {@link #MAX_DEPTH} steps). */
  public boolean isBroader(String a, String b) {
    return stepsUp(b, a) > 0;
  }

  private int stepsUp(String from, String ancestor) {
    Concept start = byId.get(from);
    if (start == null || start.parents().isEmpty()) {
      return -1;
    }
    ArrayDeque<String> frontier = new ArrayDeque<>(start.parents());
    Set<String> seen = new HashSet<>();
    for (int depth = 1; depth <= MAX_DEPTH && !frontier.isEmpty(); depth++) {
      ArrayDeque<String> next = new ArrayDeque<>();
      for (String id : frontier) {
        if (id.equals(ancestor)) {
          return depth;
        }
        if (seen.add(id)) {
          Concept c = byId.get(id);
          if (c != null) {
            next.addAll(c.parents());
          }
        }
      }
      frontier = next;
    }
    return -1;
  }
}
