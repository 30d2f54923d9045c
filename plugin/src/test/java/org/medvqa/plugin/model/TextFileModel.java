package org.medvqa.plugin.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A model directory for testing the registry and the engine's own contracts (batching, swaps,
 * refusal), independent of any network: {@code answer.txt} holds the answer, and a directory without
 * it is "corrupt". Records every batch size and whether it was used after being closed.
 */
public final class TextFileModel implements Answerer {
  public static final List<TextFileModel> LOADED = new CopyOnWriteArrayList<>();

  final String answer;
  final long millisPerBatch;
  final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  final AtomicBoolean closed = new AtomicBoolean();
  final AtomicBoolean usedAfterClose = new AtomicBoolean();

  TextFileModel(String answer, long millisPerBatch) {
    this.answer = answer;
    this.millisPerBatch = millisPerBatch;
  }

  public static ModelLoader loader(long millisPerBatch) {
    return dir -> {
      Path f = dir.resolve("answer.txt");
      if (!Files.isRegularFile(f)) {
        throw new InvalidModelException("answer.txt missing in " + dir.getFileName());
      }
      try {
        TextFileModel m = new TextFileModel(Files.readString(f).strip(), millisPerBatch);
        LOADED.add(m);
        return m;
      } catch (IOException e) {
        throw new InvalidModelException("unreadable", e);
      }
    };
  }

  public static Path write(Path dir, String answer) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("answer.txt"), answer);
    return dir;
  }

  @Override
  public List<String> generate(List<Question> batch) {
    if (closed.get()) {
      usedAfterClose.set(true);
    }
    batchSizes.add(batch.size());
    try {
      Thread.sleep(millisPerBatch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closed.get()) {
      usedAfterClose.set(true);
    }
    return batch.stream().map(q -> "<think>asked: " + q.text() + "</think><answer>" + answer + "</answer>").toList();
  }

  @Override
  public String device() {
    return "cpu";
  }

  @Override
  public void close() {
    closed.set(true);
  }
}
