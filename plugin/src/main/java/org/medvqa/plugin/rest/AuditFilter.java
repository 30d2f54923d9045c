package org.medvqa.plugin.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.medvqa.plugin.model.ModelInfo;
import org.medvqa.plugin.security.AuditLog;
import org.medvqa.plugin.security.AuditRecord;

/**
 * Writes one audit record per API call: time, key id, endpoint (the matched path template, so UIDs in
 * paths never reach the log), hashed study UID, model version, status and duration. Resources put the
 * study hash and model into request properties; nothing else from the request is recorded.
 */
@PreMatching
@Priority(Priorities.AUDIT)
final class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {
  static final String STUDY_HASH = "medvqa.studyHash";
  static final String MODEL = "medvqa.model";
  private static final String START = "medvqa.start";

  private final AuditLog log;

  AuditFilter(AuditLog log) {
    this.log = log;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(START, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!request.getUriInfo().getPath().startsWith("api/")) {
      return;
    }
    Object start = request.getProperty(START);
    long duration = start instanceof Long s ? (System.nanoTime() - s) / 1_000_000 : -1;
    Object keyId = request.getProperty(AuthFilter.KEY_ID);
    Object model = request.getProperty(MODEL);
    ModelInfo info = model instanceof ModelInfo m ? m : null;
    int status = response.getStatus();
    log.write(
        new AuditRecord(
            Instant.now().toString(),
            keyId == null ? "anonymous" : keyId.toString(),
            request.getMethod() + " " + template(request),
            (String) request.getProperty(STUDY_HASH),
            info == null ? null : info.id(),
            info == null ? null : info.version(),
            status,
            status < 400 ? "ok" : status < 500 ? "client-error" : "server-error",
            duration));
  }

  private static String template(ContainerRequestContext request) {
    if (request.getUriInfo() instanceof ExtendedUriInfo ext && !ext.getMatchedTemplates().isEmpty()) {
      List<UriTemplate> templates = new ArrayList<>(ext.getMatchedTemplates());
      java.util.Collections.reverse(templates);
      StringBuilder path = new StringBuilder();
      for (UriTemplate t : templates) {
        String part = t.getTemplate();
        if (!part.startsWith("/")) {
          path.append('/');
        }
        path.append(part);
      }
      return path.toString().replaceAll("/+", "/");
    }
    return "(unmatched)";
  }
}
