/**
 * The paper's four-factor study re-run end to end on a local dataset: SFT, GRPO from a base and from
 * an SFT initialisation, with the semantic reward, with ECR and CWR, Dr. GRPO and DAPO-style, each
 * evaluated on the same held-out subset and written as a Markdown/JSON table with curves.
 */
package org.medvqa.training.experiment;
