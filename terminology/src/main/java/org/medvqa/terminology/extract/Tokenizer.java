package org.medvqa.terminology.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into runs of letters and digits (any script, by code point; a decimal point or comma
 * between digits stays inside the number), remembering spans and which punctuation came before each
 * run. Control characters, symbols and spaces only separate. A possessive {@code 's} is dropped.
 * Linear in the length of the text.
 */
public final class Tokenizer {
  /** Longest token kept whole; longer runs (no spaces, hostile input) are cut into pieces. */
  static final int MAX_TOKEN_CHARS = 64;

  public List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>(Math.min(text.length() / 5 + 4, 1 << 16));
    Token.Boundary pending = Token.Boundary.CLAUSE;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        int start = i;
        while (i < n) {
          int c = text.codePointAt(i);
          if (!Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK
              && Character.getType(c) != Character.COMBINING_SPACING_MARK && !decimalMark(text, i)) {
            break;
          }
          if (i - start >= MAX_TOKEN_CHARS) {
            break;
          }
          i += Character.charCount(c);
        }
        String surface = text.substring(start, i);
        boolean possessive = surface.length() == 1 && (surface.equals("s") || surface.equals("S"))
            && start > 0 && (text.charAt(start - 1) == '\'' || text.charAt(start - 1) == '\u2019');
        if (!possessive) {
          tokens.add(new Token(surface, surface, start, i, pending, false));
          pending = Token.Boundary.NONE;
        }
      } else {
        pending = stronger(pending, boundaryOf(cp));
        i += Character.charCount(cp);
      }
    }
    return tokens;
  }

  /**
   * A point or comma between two digits ("2.6 cm", "1,000") belongs to the number: it is neither a
   * clause boundary that would cut a negation's scope nor a split that leaves "2" to read as "two".
   */
  private static boolean decimalMark(String text, int i) {
    char c = text.charAt(i);
    return (c == '.' || c == ',') && i > 0 && i + 1 < text.length()
        && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
  }

  private static Token.Boundary boundaryOf(int cp) {
    return switch (cp) {
      case '.', ';', ':', '!', '?', '\n', '\r', '(', ')', '[', ']', '\u3002', '\u061F' -> Token.Boundary.CLAUSE;
      case ',', '\u060C', '\u3001' -> Token.Boundary.COMMA;
      default -> Token.Boundary.NONE;
    };
  }

  private static Token.Boundary stronger(Token.Boundary a, Token.Boundary b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
