package org.medvqa.plugin.model;

import java.util.List;

/**
 * The port the service talks to: a loaded vision-language model that answers a batch of questions.
 *
 * <p>{@link #generate} returns one raw completion per question, in order, in the model's format
 * {@code <think>reasoning</think><answer>answer</answer>}. Implementations must accept any batch size
 * from 1 to the engine's maximum; batching is the engine's business, the answerer only has to make a
 * batch of B cost less than B single calls.
 */
public interface Answerer extends AutoCloseable {

  List<String> generate(List<Question> batch);

  /** A name for the device in use, e.g. {@code cpu()} or {@code gpu(0)}. */
  String device();

  @Override
  void close();
}
