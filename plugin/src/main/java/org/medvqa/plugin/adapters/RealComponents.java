package org.medvqa.plugin.adapters;

import org.medvqa.dicom.source.StudySource;
import org.medvqa.plugin.jobs.ProcessTrainer;
import org.medvqa.plugin.server.Components;
import org.medvqa.plugin.service.StudyStore;
import org.medvqa.terminology.Terminology;

/**
 * The real parts behind every port: the trained model, the DICOM pipeline, the terminology, the
 * rewards, SR writing and the trainers. Used by {@code serve}, {@code demo} and the embedding API.
 */
public final class RealComponents {
  private RealComponents() {}

  /**
   * Everything, with the given study source (null for upload-only serving).
   *
   * @param maxNewTokens longest completion generated
   */
  public static Components create(StudySource source, int maxNewTokens) {
    StudyStore studies = source == null ? null : new StudySourceStore(source);
    Terminology terminology = Terminology.shared();
    return new Components(
        VqaModelAnswerer.loader(maxNewTokens),
        new PipelineDecoder(),
        studies,
        new TerminologyConcepts(terminology),
        new RewardScoring((answer, reference, question) -> terminology.alignment().score(answer, reference, question).score()),
        new SrAdapter(),
        new ProcessTrainer());
  }
}
