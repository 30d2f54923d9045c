package org.medvqa.plugin.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.medvqa.plugin.jobs.TrainingJob;
import org.medvqa.plugin.jobs.TrainingJobs;
import org.medvqa.plugin.service.BadRequestException;

/**
 * {@code /api/v1/training-jobs}: start SFT or GRPO on a local dataset (one job at a time, 409
 * otherwise), follow its progress and metrics, cancel it. A finished job names the model it added to
 * the registry; that model is not active until activated.
 */
@Path("/api/v1/training-jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class TrainingJobsResource {
  private final TrainingJobs jobs;

  @jakarta.inject.Inject
  public TrainingJobsResource(AppContext ctx) {
    this.jobs = ctx.jobs();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(TrainingJobRequest body) {
    if (body == null || body.kind() == null) {
      throw new BadRequestException("'kind' (SFT or GRPO) and 'dataset' are required");
    }
    TrainingJob.Snapshot job = requireJobs().start(
        body.kind(),
        body.dataset(),
        body.baseModel(),
        body.steps() == null ? 0 : body.steps(),
        body.seed() == null ? 0L : body.seed(),
        body.options());
    return Response.status(202)
        .location(UriBuilder.fromPath("/api/v1/training-jobs/{id}").build(job.id()))
        .entity(job)
        .build();
  }

  @GET
  public List<TrainingJob.Snapshot> list() {
    return requireJobs().list();
  }

  @GET
  @Path("{id}")
  public TrainingJob.Snapshot get(@PathParam("id") String id) {
    return requireJobs().get(id);
  }

  @POST
  @Path("{id}/cancel")
  public TrainingJob.Snapshot cancel(@PathParam("id") String id) {
    return requireJobs().cancel(id);
  }

  @DELETE
  @Path("{id}")
  public TrainingJob.Snapshot delete(@PathParam("id") String id) {
    return requireJobs().cancel(id);
  }

  private TrainingJobs requireJobs() {
    if (jobs == null) {
      throw new jakarta.ws.rs.ServerErrorException("training is not enabled on this server", 501);
    }
    return jobs;
  }
}
