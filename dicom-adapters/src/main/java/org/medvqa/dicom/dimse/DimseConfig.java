package org.medvqa.dicom.dimse;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a DIMSE peer and how to receive from it.
 *
 * @param calledAet the PACS's AE title
 * @param host the PACS's host
 * @param port the PACS's DICOM port
 * @param callingAet our AE title (also the C-MOVE destination, so the PACS must know it)
 * @param scpBindAddress where our C-STORE SCP listens for C-MOVE results (default 127.0.0.1)
 * @param scpPort our SCP's port (0: C-MOVE is not possible, C-GET is used)
 * @param retrieve C-GET (one association, no inbound port) or C-MOVE (the PACS connects back to our SCP)
 * @param timeout deadline for one operation (an echo, a find, a whole retrieve or store)
 */
public record DimseConfig(
    String calledAet, String host, int port, String callingAet, String scpBindAddress, int scpPort,
    RetrieveMethod retrieve, Duration timeout) {

  /** How instances come back. */
  public enum RetrieveMethod { C_GET, C_MOVE }

  public DimseConfig {
    requireAet(calledAet, "called");
    requireAet(callingAet, "calling");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(retrieve, "retrieve");
    Objects.requireNonNull(scpBindAddress, "scpBindAddress");
    if (port < 1 || port > 65535 || scpPort < 0 || scpPort > 65535) {
      throw new IllegalArgumentException("ports must be 1..65535 (SCP port 0 for none)");
    }
    if (retrieve == RetrieveMethod.C_MOVE && scpPort == 0) {
      throw new IllegalArgumentException("C-MOVE needs a port for our C-STORE SCP");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  /**
   * Parses {@code AET@HOST:PORT}; calling AE title MEDVQA, C-GET, 60 s timeout.
   */
  public static DimseConfig parse(String aetAtHostPort) {
    int at = aetAtHostPort.indexOf('@');
    int colon = aetAtHostPort.lastIndexOf(':');
    if (at <= 0 || colon < at + 2 || colon == aetAtHostPort.length() - 1) {
      throw new IllegalArgumentException("expected AET@HOST:PORT, got " + aetAtHostPort);
    }
    int port;
    try {
      port = Integer.parseInt(aetAtHostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port number in " + aetAtHostPort);
    }
    return new DimseConfig(aetAtHostPort.substring(0, at), aetAtHostPort.substring(at + 1, colon), port, "MEDVQA",
        "127.0.0.1", 0, RetrieveMethod.C_GET, Duration.ofSeconds(60));
  }

  public DimseConfig withCallingAet(String value) {
    return new DimseConfig(calledAet, host, port, value, scpBindAddress, scpPort, retrieve, timeout);
  }

  /** Retrieve by C-MOVE into our SCP listening at {@code bindAddress:scpPort}. */
  public DimseConfig withMoveTo(String bindAddress, int scpPort) {
    return new DimseConfig(calledAet, host, port, callingAet, bindAddress, scpPort, RetrieveMethod.C_MOVE, timeout);
  }

  public DimseConfig withTimeout(Duration value) {
    return new DimseConfig(calledAet, host, port, callingAet, scpBindAddress, scpPort, retrieve, value);
  }

  private static void requireAet(String aet, String which) {
    if (aet == null || aet.isBlank() || aet.length() > 16 || aet.contains("\\") || !aet.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("the " + which + " AE title must be 1..16 printable ASCII characters, got " + aet);
    }
  }
}
