package org.medvqa.dicom.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** How requests authenticate: not at all, HTTP basic, or a bearer token. {@code toString} hides secrets. */
public sealed interface HttpAuth {

  /** The value of the {@code Authorization} header, if any. */
  Optional<String> authorizationHeader();

  static HttpAuth none() {
    return new None();
  }

  static HttpAuth basic(String user, String password) {
    return new Basic(user, password);
  }

  static HttpAuth bearer(String token) {
    return new Bearer(token);
  }

  /** Parses {@code user:password} (the password may itself contain colons). */
  static HttpAuth parseUserPassword(String userColonPassword) {
    int colon = userColonPassword.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("expected USER:PASSWORD, got a value without a user before ':'");
    }
    return basic(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
  }

  record None() implements HttpAuth {
    @Override
    public Optional<String> authorizationHeader() {
      return Optional.empty();
    }
  }

  record Basic(String user, String password) implements HttpAuth {
    @Override
    public Optional<String> authorizationHeader() {
      String pair = user + ":" + password;
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
      return "Basic[user=" + user + "]";
    }
  }

  record Bearer(String token) implements HttpAuth {
    @Override
    public Optional<String> authorizationHeader() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public String toString() {
      return "Bearer[***]";
    }
  }
}
