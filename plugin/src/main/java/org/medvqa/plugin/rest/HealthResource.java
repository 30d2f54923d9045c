package org.medvqa.plugin.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.medvqa.plugin.model.ModelInfo;

/** {@code GET /api/v1/health}: up or not, and with which model. Needs no key; reveals no data. */
@Path("/api/v1/health")
public final class HealthResource {
  private final AppContext ctx;

  @jakarta.inject.Inject
  public HealthResource(AppContext ctx) {
    this.ctx = ctx;
  }

  /** The health document. */
  public record Health(String status, ModelInfo model, int queued, int queueCapacity, int maxBatch) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response get() {
    ModelInfo model = ctx.service().registry().activeInfo().orElse(null);
    var engine = ctx.service().engine();
    Health h = new Health(
        model == null ? "no-model" : "ok",
        model,
        engine.queued(),
        engine.config().queueCapacity(),
        engine.config().maxBatch());
    return Response.status(model == null ? 503 : 200).entity(h).build();
  }
}
