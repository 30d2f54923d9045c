package org.medvqa.training.rewards;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether an extracted answer is right, by question type. Each method is a pure function. */
public final class AnswerMatcher {
  private static final Pattern LETTER = Pattern.compile("^\\(?([A-Za-z])\\)?(?:[.:)]\\s*(.*))?$", Pattern.DOTALL);
  private static final Pattern OPTION_PREFIX = Pattern.compile("^\\(?[A-Za-z]\\)?[.:)]\\s+");

  private AnswerMatcher() {}

  public static boolean isCorrect(String answer, RewardContext context) {
    return switch (context.type()) {
      case CLOSED -> closed(answer, context.reference());
      case MULTIPLE_CHOICE -> multipleChoice(answer, context.reference(), context.options());
      case OPEN -> open(answer, context.acceptedAnswers());
    };
  }

  /** Closed: the answer's leading yes/no agrees with the reference's. */
  public static boolean closed(String answer, String reference) {
    Optional<Boolean> a = yesNo(answer);
    return a.isPresent() && a.equals(yesNo(reference));
  }

  /** The leading "yes" or "no" of a text, if it has one. */
  public static Optional<Boolean> yesNo(String text) {
    String first = AnswerText.normalise(text).split(" ", 2)[0];
    return switch (first) {
      case "yes" -> Optional.of(true);
      case "no" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** Multiple choice: answer and reference name the same option, by letter or by option text. */
  public static boolean multipleChoice(String answer, String reference, List<String> options) {
    int chosen = optionIndex(answer, options);
    return chosen >= 0 && chosen == optionIndex(reference, options);
  }

  /**
   * The option a text names: the option whose text it equals (after normalisation), else a bare
   * letter ("B", "(b)", "B.") or a letter with text ("B: left lung"); -1 when it names none. Text is
   * tried first so that an answer like "a mass" is not read as option A.
   */
  public static int optionIndex(String text, List<String> options) {
    String norm = AnswerText.normalise(text);
    for (int i = 0; i < options.size(); i++) {
      if (!norm.isEmpty() && norm.equals(AnswerText.normalise(optionText(options.get(i))))) {
        return i;
      }
    }
    Matcher m = LETTER.matcher(text.strip());
    if (m.matches()) {
      int i = Character.toUpperCase(m.group(1).charAt(0)) - 'A';
      if (i < options.size()) {
        return i;
      }
    }
    return -1;
  }

  /** An option's text without a leading "A:" / "(A)" / "A." label. */
  public static String optionText(String option) {
    return OPTION_PREFIX.matcher(option.strip()).replaceFirst("");
  }

  /** Open: normalised exact match against the reference or any accepted paraphrase. */
  public static boolean open(String answer, List<String> accepted) {
    String norm = AnswerText.normalise(answer);
    return !norm.isEmpty() && accepted.stream().map(AnswerText::normalise).anyMatch(norm::equals);
  }
}
