package org.medvqa.plugin.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ContainerRequest;
import org.medvqa.plugin.security.Hashing;
import org.medvqa.plugin.service.BadRequestException;
import org.medvqa.plugin.service.DecodedStudy;
import org.medvqa.plugin.service.StudyAccessException;
import org.medvqa.plugin.service.StudyRef;
import org.medvqa.plugin.service.StudyStore;
import org.medvqa.plugin.service.StudySummary;
import org.medvqa.plugin.service.VqaService;

/**
 * {@code /api/v1/studies}: what the web page's viewer needs from the study source: the study list
 * (no patient data), and each study's slices as windowed PNGs. The last few decoded studies are
 * kept so that scrolling through slices does not fetch the study again.
 */
@Path("/api/v1/studies")
@jakarta.inject.Singleton
public final class StudiesResource {
  private static final int CACHED_STUDIES = 4;

  private final VqaService service;
  private final String salt;
  private final Map<String, DecodedStudy> recent =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DecodedStudy> eldest) {
          return size() > CACHED_STUDIES;
        }
      };

  @jakarta.inject.Inject
  public StudiesResource(AppContext ctx) {
    this.service = ctx.service();
    this.salt = ctx.auditSalt();
  }

  /** The slices of a study: how many, their size, the modality. */
  public record Slices(String studyInstanceUID, int count, int width, int height, String modality) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<StudySummary> list(@QueryParam("limit") @DefaultValue("100") int limit) {
    StudyStore store = service.studies();
    if (store == null) {
      throw new StudyAccessException(StudyAccessException.Kind.NOT_CONFIGURED, "no study source is configured");
    }
    return store.studies(Math.max(1, Math.min(limit, 1000)));
  }

  @GET
  @Path("{uid}/slices")
  @Produces(MediaType.APPLICATION_JSON)
  public Slices slices(@PathParam("uid") String uid, @Context ContainerRequest request) {
    DecodedStudy study = load(uid, request);
    var first = study.slices().get(0);
    return new Slices(uid, study.slices().size(), first.width(), first.height(), study.modality());
  }

  @GET
  @Path("{uid}/slices/{index}")
  @Produces("image/png")
  public Response slice(
      @PathParam("uid") String uid, @PathParam("index") int index, @Context ContainerRequest request) {
    DecodedStudy study = load(uid, request);
    if (index < 0 || index >= study.slices().size()) {
      throw new BadRequestException("slice " + index + " is out of range 0.." + (study.slices().size() - 1));
    }
    return Response.ok(Png.encode(study.slices().get(index)), "image/png")
        .header("Cache-Control", "private, max-age=300")
        .build();
  }

  private DecodedStudy load(String uid, ContainerRequest request) {
    StudyRef ref = StudyRef.of(uid);
    request.setProperty(AuditFilter.STUDY_HASH, Hashing.studyHash(salt, uid));
    synchronized (recent) {
      DecodedStudy cached = recent.get(uid);
      if (cached != null) {
        return cached;
      }
    }
    DecodedStudy study = service.load(ref);
    synchronized (recent) {
      recent.put(uid, study);
    }
    return study;
  }
}
