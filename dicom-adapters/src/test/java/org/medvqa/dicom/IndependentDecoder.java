package org.medvqa.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oracle for decoded pixels: dcmtk ({@code dcmdrle}, {@code dcmdjpeg}, {@code dcmdjpls},
 * {@code dcmconv +te}) or, for JPEG 2000, GDCM's {@code gdcmconv --raw} (OpenJPEG) turn the file into
 * Explicit VR Little Endian; {@code dcmdump +W} writes its pixel data to a raw file; this class unpacks
 * frame 1 of those bytes into stored values with its own few lines (bits stored below high bit,
 * sign extension, planar to interleaved, YBR 4:2:2 upsampled). Nothing here uses PixelMed.
 */
final class IndependentDecoder {
  private static final Pattern ELEMENT = Pattern.compile("^\\((0028),(\\p{XDigit}{4})\\) (US|CS|IS) (.*?)\\s+#");

  record Oracle(String tool, String photometric, int samplesPerPixel, int[] samples) {}

  private IndependentDecoder() {}

  static Oracle decode(Path file, String transferSyntax, Path work) throws IOException, InterruptedException {
    Path converted = work.resolve("converted.dcm");
    Files.deleteIfExists(converted);
    List<String> command = switch (transferSyntax) {
      case TransferSyntaxes.RLE_LOSSLESS -> List.of("dcmdrle", file.toString(), converted.toString());
      case TransferSyntaxes.JPEG_BASELINE, TransferSyntaxes.JPEG_EXTENDED, TransferSyntaxes.JPEG_LOSSLESS_P14,
          TransferSyntaxes.JPEG_LOSSLESS_SV1 -> List.of("dcmdjpeg", file.toString(), converted.toString());
      case TransferSyntaxes.JPEG_LS_LOSSLESS, TransferSyntaxes.JPEG_LS_NEAR_LOSSLESS ->
          List.of("dcmdjpls", file.toString(), converted.toString());
      case TransferSyntaxes.JPEG_2000_LOSSLESS, TransferSyntaxes.JPEG_2000 ->
          List.of("gdcmconv", "--raw", file.toString(), converted.toString());
      default -> List.of("dcmconv", "+te", file.toString(), converted.toString());
    };
    run(command);
    Path rawDir = Files.createDirectories(work.resolve("raw"));
    String dump = run(List.of("dcmdump", "+W", rawDir.toString(), converted.toString()));
    Map<String, String> tags = new HashMap<>();
    Path raw = null;
    for (String line : dump.lines().toList()) {
      Matcher m = ELEMENT.matcher(line);
      if (m.find() && !tags.containsKey(m.group(2).toLowerCase())) {
        tags.put(m.group(2).toLowerCase(), m.group(4).replace("[", "").replace("]", "").strip());
      }
    }
    try (var files = Files.list(rawDir)) {
      // dcmdump names the file <name>.<n>.raw in rawDir (and may abbreviate the path it prints)
      raw = files.filter(f -> f.toString().endsWith(".raw")).findFirst().orElse(null);
    }
    if (raw == null) {
      throw new IllegalStateException(command.get(0) + " gave no pixel data for " + file + ":\n" + dump);
    }
    byte[] bytes = Files.readAllBytes(raw);
    Files.delete(raw);
    int rows = Integer.parseInt(tags.get("0010"));
    int columns = Integer.parseInt(tags.get("0011"));
    int spp = Integer.parseInt(tags.getOrDefault("0002", "1"));
    int bitsAllocated = Integer.parseInt(tags.get("0100"));
    int bitsStored = Integer.parseInt(tags.get("0101"));
    int highBit = Integer.parseInt(tags.getOrDefault("0102", Integer.toString(bitsStored - 1)));
    boolean signed = "1".equals(tags.get("0103"));
    int planar = Integer.parseInt(tags.getOrDefault("0006", "0"));
    String photometric = tags.getOrDefault("0004", "");
    boolean ybr422 = photometric.equals("YBR_FULL_422");
    int count = rows * columns * (ybr422 ? 2 : spp);
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      long raw32 = switch (bitsAllocated) {
        case 1 -> (bytes[i >>> 3] >>> (i & 7)) & 1;
        case 8 -> bytes[i] & 0xFF;
        case 16 -> (bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8;
        default -> (bytes[4 * i] & 0xFFL) | (bytes[4 * i + 1] & 0xFFL) << 8 | (bytes[4 * i + 2] & 0xFFL) << 16
            | (bytes[4 * i + 3] & 0xFFL) << 24;
      };
      if (bitsAllocated == 32 && TransferSyntaxes.EXPLICIT_VR_BIG_ENDIAN.equals(transferSyntax)) {
        // dcmconv swaps a big-endian OW word by word, so each 32-bit sample arrives with its halves swapped
        raw32 = ((raw32 & 0xFFFF) << 16) | (raw32 >>> 16);
      }
      long v = bitsStored == 32 ? raw32 : (raw32 >>> (highBit + 1 - bitsStored)) & ((1L << bitsStored) - 1);
      if (signed && v >= 1L << (bitsStored - 1)) {
        v -= 1L << bitsStored;
      }
      values[i] = (int) v;
    }
    if (ybr422) {
      int[] full = new int[rows * columns * 3];
      for (int p = 0; p < rows * columns / 2; p++) {
        int[] quad = {values[4 * p], values[4 * p + 1], values[4 * p + 2], values[4 * p + 3]};
        full[6 * p] = quad[0];
        full[6 * p + 1] = quad[2];
        full[6 * p + 2] = quad[3];
        full[6 * p + 3] = quad[1];
        full[6 * p + 4] = quad[2];
        full[6 * p + 5] = quad[3];
      }
      return new Oracle(command.get(0), "YBR_FULL", 3, full);
    }
    if (spp > 1 && planar == 1) {
      int plane = rows * columns;
      int[] interleaved = new int[count];
      for (int i = 0; i < plane; i++) {
        for (int s = 0; s < spp; s++) {
          interleaved[i * spp + s] = values[s * plane + i];
        }
      }
      values = interleaved;
    }
    return new Oracle(command.get(0), photometric, spp, values);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + out);
    }
    return out;
  }
}
