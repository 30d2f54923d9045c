package org.medvqa.plugin.service;

/** The caller's input is wrong (missing question, bad UID, undecodable image): HTTP 400, exit code 3. */
public class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }

  public BadRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
