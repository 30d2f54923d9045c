package org.medvqa.plugin.server;

import java.io.IOException;

/** The TLS key store cannot be used (missing, not PKCS#12, wrong password): bad input, not a crash. */
public final class TlsConfigException extends IOException {
  public TlsConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
