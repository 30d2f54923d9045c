package org.medvqa.dicom;

import java.util.Map;

/** The transfer syntax UIDs this module knows by name, for messages and decisions. */
public final class TransferSyntaxes {
  public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
  public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
  public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
  public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
  public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
  public static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";
  public static final String JPEG_LOSSLESS_P14 = "1.2.840.10008.1.2.4.57";
  public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
  public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
  public static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";
  public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
  public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";
  public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry(IMPLICIT_VR_LITTLE_ENDIAN, "Implicit VR Little Endian"),
      Map.entry(EXPLICIT_VR_LITTLE_ENDIAN, "Explicit VR Little Endian"),
      Map.entry(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, "Deflated Explicit VR Little Endian"),
      Map.entry(EXPLICIT_VR_BIG_ENDIAN, "Explicit VR Big Endian"),
      Map.entry(JPEG_BASELINE, "JPEG Baseline (Process 1)"),
      Map.entry(JPEG_EXTENDED, "JPEG Extended (Process 2 & 4)"),
      Map.entry("1.2.840.10008.1.2.4.52", "JPEG Extended (Process 3 & 5, retired)"),
      Map.entry("1.2.840.10008.1.2.4.53", "JPEG Spectral Selection (retired)"),
      Map.entry("1.2.840.10008.1.2.4.55", "JPEG Full Progression (retired)"),
      Map.entry(JPEG_LOSSLESS_P14, "JPEG Lossless (Process 14)"),
      Map.entry(JPEG_LOSSLESS_SV1, "JPEG Lossless (Process 14, SV1)"),
      Map.entry(JPEG_LS_LOSSLESS, "JPEG-LS Lossless"),
      Map.entry(JPEG_LS_NEAR_LOSSLESS, "JPEG-LS Near-Lossless"),
      Map.entry(JPEG_2000_LOSSLESS, "JPEG 2000 (Lossless Only)"),
      Map.entry(JPEG_2000, "JPEG 2000"),
      Map.entry("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component (Lossless Only)"),
      Map.entry("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component"),
      Map.entry("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile"),
      Map.entry("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264"),
      Map.entry("1.2.840.10008.1.2.4.201", "HTJ2K (Lossless Only)"),
      Map.entry("1.2.840.10008.1.2.4.203", "HTJ2K"),
      Map.entry(RLE_LOSSLESS, "RLE Lossless"));

  private TransferSyntaxes() {}

  /** "name (uid)" for a known UID, the UID alone otherwise. */
  public static String describe(String uid) {
    if (uid == null || uid.isEmpty()) {
      return "(none)";
    }
    String name = NAMES.get(uid);
    return name == null ? uid : name + " (" + uid + ")";
  }

  public static boolean isNative(String uid) {
    return IMPLICIT_VR_LITTLE_ENDIAN.equals(uid) || EXPLICIT_VR_LITTLE_ENDIAN.equals(uid)
        || DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(uid) || EXPLICIT_VR_BIG_ENDIAN.equals(uid);
  }

  /** Lossless encodings: the decoded stored values equal the original ones. */
  public static boolean isLossless(String uid) {
    return isNative(uid) || JPEG_LOSSLESS_P14.equals(uid) || JPEG_LOSSLESS_SV1.equals(uid)
        || JPEG_LS_LOSSLESS.equals(uid) || JPEG_2000_LOSSLESS.equals(uid) || RLE_LOSSLESS.equals(uid);
  }
}
