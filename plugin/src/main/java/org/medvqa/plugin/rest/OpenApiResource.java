package org.medvqa.plugin.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of this API (kept next to the code). */
@Path("/api/v1/openapi.json")
public final class OpenApiResource {
  static final String RESOURCE = "/org/medvqa/plugin/rest/openapi.json";

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public byte[] get() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("openapi.json missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
