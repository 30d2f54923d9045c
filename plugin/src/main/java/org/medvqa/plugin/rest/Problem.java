package org.medvqa.plugin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details document. {@code type} is {@code about:blank} with the status's
 * title unless a more specific type applies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

  public static Problem of(int status, String detail) {
    Response.Status.Family family = Response.Status.Family.familyOf(status);
    Response.StatusType st = Response.Status.fromStatusCode(status);
    String title = st != null ? st.getReasonPhrase() : (status == 429 ? "Too Many Requests" : family.name());
    if (status == 422) {
      title = "Unprocessable Content";
    }
    return new Problem("about:blank", title, status, detail, null);
  }

  public Response.ResponseBuilder response() {
    return Response.status(status).type(TYPE).entity(this);
  }

  public static Response response(int status, String detail) {
    return of(status, detail).response().build();
  }
}
