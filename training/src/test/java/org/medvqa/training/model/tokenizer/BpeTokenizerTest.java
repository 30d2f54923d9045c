package org.medvqa.training.model.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTokenizerTest {
  private static final List<String> CORPUS = List.of(
      "Is there a nodule in the left lung?", "<think>A round opacity sits in the left upper lobe.</think><answer>yes</answer>",
      "Is there a mass in the right kidney?", "<think>The right kidney looks normal.</think><answer>no</answer>",
      "Which lobe contains the nodule?", "<think>The nodule is in the left lower lobe.</think><answer>left lower lobe</answer>");

  @Test
  void roundTripsAnyTextIncludingUnseenUnicodeAndSpecialTags() {
    BpeTokenizer tok = BpeTokenizer.train(CORPUS, 400);
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = 0; j < 30; j++) {
        s.appendCodePoint(random.nextInt(4) == 0 ? 0x3b1 + random.nextInt(20) : 32 + random.nextInt(95));
      }
      String text = s.toString();
      assertThat(tok.decode(tok.encode(text))).isEqualTo(text);
    }
    String formatted = "<think>left lower lobe</think><answer>yes</answer>";
    int[] ids = tok.encode(formatted);
    assertThat(ids[0]).isEqualTo(BpeTokenizer.specialId("<think>"));
    assertThat(tok.decode(ids)).isEqualTo(formatted);
  }

  @Test
  void learnedMergesCompressTheCorpusAndTrainingIsDeterministic() {
    BpeTokenizer tok = BpeTokenizer.train(CORPUS, 400);
    String text = "Is there a nodule in the left lower lobe?";
    assertThat(tok.encode(text).length).isLessThan(text.length() / 3);
    assertThat(BpeTokenizer.train(CORPUS, 400).encode(text)).containsExactly(tok.encode(text));
    assertThat(tok.vocabSize()).isLessThanOrEqualTo(400).isGreaterThan(263);
  }

  @Test
  void savesAndLoadsTheSameTokenizer(@TempDir Path dir) throws Exception {
    BpeTokenizer tok = BpeTokenizer.train(CORPUS, 350);
    tok.save(dir.resolve("tokenizer.json"));
    BpeTokenizer back = BpeTokenizer.load(dir.resolve("tokenizer.json"));
    assertThat(back.vocabSize()).isEqualTo(tok.vocabSize());
    assertThat(back.encode(CORPUS.get(1))).containsExactly(tok.encode(CORPUS.get(1)));
  }

  @Test
  void refusesMalformedTokenizerFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(file, "{not json");
    assertThatThrownBy(() -> BpeTokenizer.load(file)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
    Files.writeString(file, "{\"type\":\"byte-level-bpe\",\"special_tokens\":[\"<pad>\",\"<bos>\",\"<eos>\",\"<think>\",\"</think>\",\"<answer>\",\"</answer>\"],\"merges\":[[7,9999]]}");
    assertThatThrownBy(() -> BpeTokenizer.load(file)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown");
  }
}
