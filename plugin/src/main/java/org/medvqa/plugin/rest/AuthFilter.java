package org.medvqa.plugin.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.medvqa.plugin.security.ApiKeys;

/**
 * Bearer-key authentication for everything under {@code /api/} except {@code /api/v1/health}.
 * The web page's static files need no key (they hold no data; the page sends the key with every API
 * call). Keys in the query string are not looked at, so they never reach an access log.
 * The path is checked after normalisation, so {@code /api/v1/./health/../models} cannot pass as health.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter {
  static final String KEY_ID = "medvqa.keyId";
  private static final String BEARER = "Bearer ";

  private final ApiKeys keys;

  AuthFilter(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = "/" + request.getUriInfo().getPath(true);
    String normalised = java.net.URI.create("/").resolve(path.replace(" ", "%20")).normalize().getPath();
    if (!normalised.equals(path) && !(normalised + "/").equals(path) && !normalised.equals(path + "/")) {
      request.abortWith(Problem.response(400, "path is not in normal form"));
      return;
    }
    if (!normalised.startsWith("/api/") || normalised.equals("/api/v1/health")) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    Optional<String> keyId = Optional.empty();
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      keyId = keys.verify(header.substring(BEARER.length()).strip());
    }
    if (keyId.isEmpty()) {
      request.abortWith(
          Problem.of(401, header == null ? "an API key is required (Authorization: Bearer KEY)" : "invalid API key")
              .response()
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"medvqa\"")
              .build());
      return;
    }
    request.setProperty(KEY_ID, keyId.get());
  }
}
