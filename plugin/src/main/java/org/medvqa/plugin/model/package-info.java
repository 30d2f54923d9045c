/**
 * Models as the service sees them: the {@link org.medvqa.plugin.model.Answerer} port that a trained
 * vision-language model implements, and the {@link org.medvqa.plugin.model.ModelRegistry} of versioned
 * model directories (list, activate, roll back) that swaps models without dropping in-flight requests.
 */
package org.medvqa.plugin.model;
