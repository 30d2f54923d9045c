package org.medvqa.plugin.rest;

/** Order of the pre-matching filters: audit clock, authentication, upload limit. */
final class Priorities {
  static final int AUDIT = 500;
  static final int AUTHENTICATION = jakarta.ws.rs.Priorities.AUTHENTICATION;
  static final int UPLOAD_LIMIT = jakarta.ws.rs.Priorities.AUTHENTICATION + 100;

  private Priorities() {}
}
