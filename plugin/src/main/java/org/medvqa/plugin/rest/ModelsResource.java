package org.medvqa.plugin.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;
import org.medvqa.plugin.model.InvalidModelException;
import org.medvqa.plugin.model.ModelEntry;
import org.medvqa.plugin.model.ModelInfo;
import org.medvqa.plugin.model.ModelRegistry;

/** {@code /api/v1/models}: the registry's versions; activate one; roll back to the previous one. */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public final class ModelsResource {
  private final ModelRegistry registry;

  @jakarta.inject.Inject
  public ModelsResource(AppContext ctx) {
    this.registry = ctx.service().registry();
  }

  /** One model as listed (the directory path is not exposed). */
  public record ModelView(String id, String version, String created, boolean active) {
    static ModelView of(ModelEntry e) {
      return new ModelView(e.id(), e.version(), e.created().toString(), e.active());
    }
  }

  /** The listing. */
  public record Models(ModelInfo active, List<ModelView> models) {}

  @GET
  public Models list() {
    return new Models(
        registry.activeInfo().orElse(null), registry.list().stream().map(ModelView::of).toList());
  }

  @POST
  @Path("{id}/activate")
  public ModelInfo activate(@PathParam("id") String id, @Context ContainerRequest request)
      throws InvalidModelException {
    ModelInfo info = registry.activate(id);
    request.setProperty(AuditFilter.MODEL, info);
    return info;
  }

  @POST
  @Path("rollback")
  public ModelInfo rollback(@Context ContainerRequest request) throws InvalidModelException {
    ModelInfo info;
    try {
      info = registry.rollback();
    } catch (IllegalStateException e) {
      throw new jakarta.ws.rs.ClientErrorException(e.getMessage(), 409);
    }
    request.setProperty(AuditFilter.MODEL, info);
    return info;
  }
}
