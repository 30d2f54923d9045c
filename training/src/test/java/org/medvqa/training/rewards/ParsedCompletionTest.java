package org.medvqa.training.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParsedCompletionTest {

  @Test
  void wellFormedCompletionSplitsIntoReasoningAndAnswer() {
    ParsedCompletion p = ParsedCompletion.parse(" <think>a round opacity in the left lung</think>\n<answer>yes</answer> ");
    assertThat(p).isEqualTo(new ParsedCompletion("a round opacity in the left lung", "yes", true));
    assertThat(p.reasoningWords()).isEqualTo(7);
  }

  @Test
  void extraOrMisorderedTagsAreNotWellFormed() {
    assertThat(ParsedCompletion.parse("<think>x</think><think>y</think><answer>no</answer>").wellFormed()).isFalse();
    assertThat(ParsedCompletion.parse("<answer>no</answer><think>x</think>").wellFormed()).isFalse();
    assertThat(ParsedCompletion.parse("<think>x</think><answer>no</answer><answer>yes</answer>").wellFormed())
        .isFalse();
    assertThat(ParsedCompletion.parse("hello <think>x</think><answer>no</answer>").wellFormed()).isFalse();
    assertThat(ParsedCompletion.parse("<think>x <answer>no</answer></think><answer>no</answer>").wellFormed())
        .isFalse();
  }

  @Test
  void answerIsExtractedLenientlyWithoutTheFormat() {
    assertThat(ParsedCompletion.parse("yes").answer()).isEqualTo("yes");
    assertThat(ParsedCompletion.parse("<think>hmm</think> left lung").answer()).isEqualTo("left lung");
    assertThat(ParsedCompletion.parse("<think>hmm</think><answer>no</answer><answer>yes</answer>").answer())
        .isEqualTo("yes");
    assertThat(ParsedCompletion.parse("<think>hmm</think><answer>left lu").answer()).isEqualTo("left lu");
  }
}
