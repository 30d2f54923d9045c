package org.medvqa.terminology.extract;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medvqa.terminology.Laterality;

/**
 * Attaches a side to the mentions it modifies. A side word ("left", "right", "bilateral",
 * "both") modifies the phrase right after it (a few filler words such as "sided" allowed) and the
 * phrases directly adjoining that one ("right lower lobe consolidation": lobe and consolidation);
 * "X of the left Y" gives X the side too. With nothing after it, it modifies the mention just before
 * ("effusion on the right", "effusion, left"). Never across a clause boundary.
 */
public final class LateralityDetector {
  private static final Map<String, Laterality> SIDES = Map.of(
      "left", Laterality.LEFT,
      "right", Laterality.RIGHT,
      "bilateral", Laterality.BILATERAL,
      "bilaterally", Laterality.BILATERAL,
      "both", Laterality.BILATERAL);
  private static final Set<String> FORWARD_FILLER = Set.of("sided", "side", "hemi", "lateral", "and", "hand");
  private static final Set<String> BACKWARD_FILLER = Set.of("on", "in", "at", "to", "of", "side", "sided", "is", "are", "seen");
  static final int MAX_FILLER = 2;
  static final int MAX_BACKWARD = 3;

  public static boolean isSideWord(String norm) {
    return SIDES.containsKey(norm);
  }

  public static Laterality sideOf(String norm) {
    return SIDES.get(norm);
  }

  /**
   * The side of each match (null where none), given which tokens are side words.
   *
   * @return per match
   */
  public Laterality[] attach(List<Token> tokens, List<SynonymDictionary.Match> matches) {
    Laterality[] sides = new Laterality[matches.size()];
    if (matches.isEmpty()) {
      return sides;
    }
    int[] matchStartingAt = new int[tokens.size() + 1];
    int[] matchEndingAt = new int[tokens.size() + 1];
    java.util.Arrays.fill(matchStartingAt, -1);
    java.util.Arrays.fill(matchEndingAt, -1);
    for (int mi = 0; mi < matches.size(); mi++) {
      matchStartingAt[matches.get(mi).from()] = mi;
      matchEndingAt[matches.get(mi).to()] = mi;
    }
    for (int i = 0; i < tokens.size(); i++) {
      Laterality side = SIDES.get(tokens.get(i).norm());
      if (side == null) {
        continue;
      }
      if (!attachForward(tokens, matches, matchStartingAt, matchEndingAt, sides, i, side)) {
        attachBackward(tokens, matchEndingAt, sides, i, side);
      }
    }
    return sides;
  }

  private boolean attachForward(List<Token> tokens, List<SynonymDictionary.Match> matches, int[] startingAt,
      int[] endingAt, Laterality[] sides, int i, Laterality side) {
    int j = i + 1;
    int filler = 0;
    while (j < tokens.size() && startingAt[j] < 0 && filler < MAX_FILLER
        && FORWARD_FILLER.contains(tokens.get(j).norm()) && tokens.get(j).before() == Token.Boundary.NONE) {
      j++;
      filler++;
    }
    if (j >= tokens.size() || startingAt[j] < 0 || tokens.get(j).before() != Token.Boundary.NONE) {
      return false;
    }
    int mi = startingAt[j];
    set(sides, mi, side);
    while (mi + 1 < matches.size() && matches.get(mi + 1).from() == matches.get(mi).to()
        && tokens.get(matches.get(mi + 1).from()).before() == Token.Boundary.NONE) {
      mi++;
      set(sides, mi, side);
    }
    // "upper lobe of the left lung": the phrase before "of" is on that side too.
    if (i >= 1 && tokens.get(i - 1).norm().equals("of") && endingAt[i - 1] >= 0
        && tokens.get(i - 1).before() == Token.Boundary.NONE && tokens.get(i).before() == Token.Boundary.NONE) {
      set(sides, endingAt[i - 1], side);
    }
    return true;
  }

  private void attachBackward(List<Token> tokens, int[] endingAt, Laterality[] sides, int i, Laterality side) {
    int k = i;
    int gap = 0;
    while (k > 0 && gap <= MAX_BACKWARD) {
      if (tokens.get(k).before() == Token.Boundary.CLAUSE) {
        return;
      }
      if (endingAt[k] >= 0) {
        set(sides, endingAt[k], side);
        return;
      }
      if (k < i && !BACKWARD_FILLER.contains(tokens.get(k).norm())) {
        return;
      }
      k--;
      gap++;
    }
  }

  private static void set(Laterality[] sides, int mi, Laterality side) {
    Laterality old = sides[mi];
    sides[mi] = old == null || old == side ? side : Laterality.BILATERAL;
  }
}
