/**
 * On-site retraining behind the REST API: one SFT or GRPO job at a time on a dataset folder under the
 * configured datasets root, with progress and metrics, cancel, and the result installed in the model
 * registry as a new version that is not activated until someone asks.
 */
package org.medvqa.plugin.jobs;
