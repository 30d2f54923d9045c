/**
 * The project's own byte-level BPE tokenizer: trained on the project's questions, reasoning and answers
 * (plus terminology words when handy), saved as {@code tokenizer.json} next to the model parameters.
 */
package org.medvqa.training.model.tokenizer;
