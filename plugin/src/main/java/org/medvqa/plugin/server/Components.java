package org.medvqa.plugin.server;

import org.medvqa.plugin.jobs.Trainer;
import org.medvqa.plugin.model.ModelLoader;
import org.medvqa.plugin.service.AnswerScorer;
import org.medvqa.plugin.service.ConceptFinder;
import org.medvqa.plugin.service.DicomDecoder;
import org.medvqa.plugin.service.SrWriter;
import org.medvqa.plugin.service.StudyStore;

/**
 * The parts behind the service's ports. {@code org.medvqa.plugin.adapters.RealComponents} assembles
 * the real ones (the trained model, the DICOM pipeline, the terminology index, the rewards, the study
 * sources, SR writing, the trainers).
 *
 * @param studies the study source, or null for upload-only serving
 * @param trainer null when this server does not train
 */
public record Components(
    ModelLoader loader,
    DicomDecoder decoder,
    StudyStore studies,
    ConceptFinder concepts,
    AnswerScorer scorer,
    SrWriter srWriter,
    Trainer trainer) {

  public Components withStudies(StudyStore s) {
    return new Components(loader, decoder, s, concepts, scorer, srWriter, trainer);
  }

  public Components withLoader(ModelLoader l) {
    return new Components(l, decoder, studies, concepts, scorer, srWriter, trainer);
  }
}
