package org.medvqa.plugin.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The upload limit: a declared Content-Length over the limit is refused with 413 before a byte of the
 * body is read; any other body is read through a {@link LimitedInputStream} that fails at the limit.
 * Runs after authentication, so strangers cannot make the server read anything.
 */
@PreMatching
@Priority(Priorities.UPLOAD_LIMIT)
final class UploadLimitFilter implements ContainerRequestFilter {
  private final long limit;

  UploadLimitFilter(long limit) {
    this.limit = limit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        request.abortWith(Problem.response(400, "invalid Content-Length"));
        return;
      }
      if (length > limit) {
        request.abortWith(
            Problem.of(413, "request body of " + length + " bytes exceeds the upload limit of " + limit + " bytes")
                .response()
                .header("Connection", "close")
                .build());
        return;
      }
    }
    request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
  }
}
