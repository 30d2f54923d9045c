package org.medvqa.plugin.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.medvqa.plugin.service.BadRequestException;
import org.medvqa.plugin.service.ScoreResult;
import org.medvqa.plugin.service.VqaService;

/** {@code POST /api/v1/score}: reward components of an answer against a reference. */
@Path("/api/v1/score")
public final class ScoreResource {
  static final int MAX_TEXT_CHARS = 10_000;
  private final VqaService service;

  @jakarta.inject.Inject
  public ScoreResource(AppContext ctx) {
    this.service = ctx.service();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public ScoreResult score(ScoreRequest body) {
    if (body == null || body.answer() == null || body.reference() == null) {
      throw new BadRequestException("'answer' and 'reference' are required");
    }
    if (body.answer().length() > MAX_TEXT_CHARS
        || body.reference().length() > MAX_TEXT_CHARS
        || (body.question() != null && body.question().length() > MAX_TEXT_CHARS)) {
      throw new BadRequestException("texts are limited to " + MAX_TEXT_CHARS + " characters");
    }
    return service.score(body.answer(), body.reference(), body.question());
  }
}
