package org.medvqa.plugin.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /}: the web page (plain HTML, JavaScript and CSS from the jar, no build step). Only the
 * files listed here are served, so no request path can reach anything else on the class path.
 */
@Path("/")
public final class WebPageResource {
  private static final String BASE = "/org/medvqa/plugin/web/";
  private static final Map<String, String> FILES = Map.of(
      "index.html", "text/html; charset=utf-8",
      "app.js", "text/javascript; charset=utf-8",
      "style.css", "text/css; charset=utf-8");

  @GET
  public Response index() {
    return file("index.html");
  }

  @GET
  @Path("static/{name}")
  public Response file(@PathParam("name") String name) {
    String type = FILES.get(name);
    if (type == null) {
      throw new NotFoundException();
    }
    try (InputStream in = WebPageResource.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new NotFoundException();
      }
      return Response.ok(in.readAllBytes(), type)
          .header("Content-Security-Policy",
              "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'")
          .header("X-Content-Type-Options", "nosniff")
          .header("Cache-Control", "no-cache")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
