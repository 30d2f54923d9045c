/**
 * PhantomVQA: a seeded generator of small synthetic studies (chest CT, chest radiograph, abdomen CT,
 * head MR) with procedural anatomy and findings at known places, and of questions about them.
 *
 * <p>Pipeline, per phantom {@code i} (each step with its own random stream derived from the seed and
 * {@code i}, so phantom {@code i} is the same whatever {@code n} is and question knobs never move a
 * pixel): {@link org.medvqa.training.phantom.PhantomSampler} draws a {@link
 * org.medvqa.training.phantom.PhantomSpec} (kind, anatomy shift/scale, findings by prevalence) ->
 * {@link org.medvqa.training.phantom.PhantomRenderer} renders stored values in modality units ->
 * an image file -> {@link org.medvqa.training.phantom.QuestionWriter} writes questions with answers,
 * paraphrases and reference reasoning; {@link org.medvqa.training.phantom.Narrator} writes the report.
 *
 * <p>On-disk layout written by {@link org.medvqa.training.phantom.PhantomVqaGenerator}:
 *
 * <pre>
 * DIR/dataset.json     name, version, generator, seed, knobs, counts, content_sha256
 * DIR/train.jsonl      questions (canonical JSONL, see org.medvqa.training.data.VqaJsonl)
 * DIR/val.jsonl
 * DIR/test.jsonl
 * DIR/reports.jsonl    {"id","image","report","modality","organ","split"}, one per image
 * DIR/images/pv-NNNNNN.dcm (or .png)  one image per phantom; splits are disjoint by phantom
 * </pre>
 *
 * The same seed and knobs give byte-identical files: no clock, no random UIDs. Left and right are the
 * patient's (radiological convention: the patient's right is on the image's left).
 */
package org.medvqa.training.phantom;
