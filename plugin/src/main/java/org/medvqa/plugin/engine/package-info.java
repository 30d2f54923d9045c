/**
 * The inference engine: a bounded queue of questions in front of the active model, and a worker that
 * gathers concurrent questions into batches (dynamic batching: up to {@code maxBatch} questions, waiting
 * at most {@code maxWait} after the first for more), answers 429 when the queue is full, and gives up on
 * a question after the per-request timeout.
 */
package org.medvqa.plugin.engine;
