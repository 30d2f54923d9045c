package org.medvqa.plugin.rest;

import java.io.IOException;

/** A request body passed the upload limit while being read (HTTP 413). */
public final class UploadTooLargeException extends IOException {
  public UploadTooLargeException(long limit) {
    super("request body exceeds the upload limit of " + limit + " bytes");
  }
}
