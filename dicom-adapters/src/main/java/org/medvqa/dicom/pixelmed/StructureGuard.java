package org.medvqa.dicom.pixelmed;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.TransferSyntaxes;

/**
 * Walks every data element of a file, sequences and encapsulated fragments included, and checks each
 * declared length against the bytes that are really there, before PixelMed reads the file. PixelMed
 * allocates what a length field says; a forged 4 GB length in a 1 kB file must fail here, with one
 * line naming the element and the offset, not as an {@code OutOfMemoryError} there.
 *
 * <p>Also works out what PixelMed would have to guess: whether there is a meta header, and the
 * transfer syntax of a bare data set (explicit or implicit VR, byte order).
 */
final class StructureGuard {
  /** Where the file says its pixel data is, at the top level. */
  record Layout(
      boolean hasMetaHeader,
      String transferSyntaxUid,
      boolean transferSyntaxGuessed,
      boolean hasPixelData,
      boolean encapsulated,
      long pixelDataLength,
      List<Long> fragmentLengths) {}

  private static final int MAX_DEPTH = 32;
  private static final long MAX_INFLATED = 512L << 20;
  private static final long MIN_INFLATE_LIMIT = 32L << 20;
  private static final long MAX_DEFLATE_RATIO = 64;
  private static final long MAX_FILE = Integer.MAX_VALUE;
  private static final int PIXEL_DATA = 0x7FE00010;
  private static final int ITEM = 0xFFFEE000;
  private static final int ITEM_END = 0xFFFEE00D;
  private static final int SEQUENCE_END = 0xFFFEE0DD;
  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final Set<String> LONG_VRS =
      Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UR", "UT", "UN", "SV", "UV");
  private static final DicomDictionary DICTIONARY = AttributeList.getDictionary();

  private final String name;
  private ByteBuffer buf;
  private boolean explicit;
  private boolean pixelDataSeen;
  private boolean encapsulated;
  private long pixelDataLength;
  private final List<Long> fragments = new ArrayList<>();

  private StructureGuard(String name) {
    this.name = name;
  }

  static Layout check(Path file) throws IOException {
    return new StructureGuard(file.getFileName().toString()).run(file);
  }

  private Layout run(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        throw fail("empty file");
      }
      if (size > MAX_FILE) {
        throw fail("file larger than 2 GiB is not supported");
      }
      buf = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
    int start;
    boolean hasMeta;
    if (buf.limit() >= 132 && ascii(128, 4).equals("DICM")) {
      start = 132;
      hasMeta = true;
    } else if (buf.limit() >= 8 && (buf.order(ByteOrder.LITTLE_ENDIAN).getShort(0) & 0xFFFF) == 0x0002
        && isVr(4)) {
      start = 0; // a meta group without the 128-byte preamble
      hasMeta = true;
    } else {
      start = 0;
      hasMeta = false;
    }
    String ts = null;
    int datasetStart = start;
    if (hasMeta) {
      buf.order(ByteOrder.LITTLE_ENDIAN);
      explicit = true;
      int pos = start;
      while (pos + 8 <= buf.limit() && (buf.getShort(pos) & 0xFFFF) == 0x0002) {
        int tag = tagAt(pos);
        Header h = header(pos, 0);
        long valueEnd = h.valueStart + h.length;
        if (h.length == UNDEFINED || valueEnd > buf.limit()) {
          throw fail(String.format("meta header element %s at offset %d declares length %d, "
              + "but the file has %d bytes", tagString(tag), pos, h.length, buf.limit()));
        }
        if (tag == 0x00020010) {
          ts = ascii(h.valueStart, (int) h.length).replace("\0", "").strip();
        }
        pos = (int) valueEnd;
      }
      datasetStart = pos;
    }
    boolean guessed = false;
    if (ts == null || ts.isEmpty()) {
      ts = guessTransferSyntax(datasetStart, hasMeta);
      guessed = true;
    }
    ByteBuffer dataset = buf;
    if (TransferSyntaxes.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(ts)) {
      dataset = inflate(datasetStart);
      datasetStart = 0;
    }
    buf = dataset;
    explicit = !TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN.equals(ts);
    buf.order(TransferSyntaxes.EXPLICIT_VR_BIG_ENDIAN.equals(ts)
        ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    if (datasetStart >= buf.limit() && !hasMeta) {
      throw fail("not a DICOM file");
    }
    walk(datasetStart, buf.limit(), 0, true);
    return new Layout(hasMeta, ts, guessed, pixelDataSeen, encapsulated, pixelDataLength,
        List.copyOf(fragments));
  }

  /** A bare data set: explicit or implicit VR, little or big endian, from its first element. */
  private String guessTransferSyntax(int pos, boolean hasMeta) throws DicomFormatException {
    if (pos + 8 > buf.limit()) {
      throw fail("not a DICOM file (too short, no DICM prefix)");
    }
    int groupLe = buf.order(ByteOrder.LITTLE_ENDIAN).getShort(pos) & 0xFFFF;
    int groupBe = buf.order(ByteOrder.BIG_ENDIAN).getShort(pos) & 0xFFFF;
    boolean vr = isVr(pos + 4);
    if (plausibleFirstGroup(groupLe)) {
      return vr ? TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN;
    }
    if (plausibleFirstGroup(groupBe) && vr) {
      return TransferSyntaxes.EXPLICIT_VR_BIG_ENDIAN;
    }
    throw fail(hasMeta
        ? "the meta header names no transfer syntax and the data set's encoding is not recognisable"
        : "not a DICOM file (no DICM prefix and no data element at the start)");
  }

  private static boolean plausibleFirstGroup(int group) {
    return group >= 0x0002 && group <= 0x0028 && group % 2 == 0;
  }

  /**
   * The inflated data set, at most {@link #inflateLimit} bytes. A first pass only counts (a bomb is
   * refused having cost time, not memory); the second fills an array of exactly that size, so a
   * legitimate file costs its size once, not the doubling copies of a growing buffer.
   */
  private ByteBuffer inflate(int from) throws DicomFormatException {
    byte[] in = new byte[buf.limit() - from];
    buf.get(from, in);
    long limit = inflateLimit(in.length);
    long size = inflate(in, null, limit);
    byte[] out = new byte[(int) size];
    inflate(in, out, limit);
    return ByteBuffer.wrap(out);
  }

  /**
   * How far a deflated data set of {@code compressed} bytes may inflate: real images deflate a few
   * times, seldom more than {@value #MAX_DEFLATE_RATIO}-fold; a deflate bomb about a thousandfold.
   * At least {@code MIN_INFLATE_LIMIT}, at most {@code MAX_INFLATED}.
   */
  static long inflateLimit(long compressed) {
    return Math.min(MAX_INFLATED, Math.max(MIN_INFLATE_LIMIT, compressed * MAX_DEFLATE_RATIO));
  }

  /** Inflates into {@code out} (or only counts, when null); returns the inflated size. */
  private long inflate(byte[] in, byte[] out, long limit) throws DicomFormatException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(in);
      byte[] chunk = out == null ? new byte[64 * 1024] : out;
      long total = 0;
      while (!inflater.finished()) {
        int n = out == null ? inflater.inflate(chunk) : inflater.inflate(out, (int) total, out.length - (int) total);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary() || (out != null && total == out.length))) {
          break;
        }
        total += n;
        if (total > limit) {
          throw fail(String.format("deflated data set of %d bytes inflates past %d MiB (a deflate bomb?)",
              in.length, limit >> 20));
        }
      }
      return total;
    } catch (DataFormatException e) {
      throw fail("broken deflate stream: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }

  private record Header(int tag, String vr, long length, int valueStart) {}

  private Header header(int pos, int depth) throws DicomFormatException {
    if (pos + 8 > buf.limit()) {
      throw fail("truncated: data element header at offset " + pos + " runs past the end of the file");
    }
    int tag = tagAt(pos);
    if ((tag >>> 16) == 0xFFFE) {
      return new Header(tag, null, u32(pos + 4), pos + 8);
    }
    if (!explicit) {
      return new Header(tag, dictionaryVr(tag), u32(pos + 4), pos + 8);
    }
    if (!isVr(pos + 4)) {
      // An implicit VR element inside an explicit VR data set: a common writer bug that PixelMed
      // (and most readers) compensate for by reading it as implicit; do the same.
      return new Header(tag, dictionaryVr(tag), u32(pos + 4), pos + 8);
    }
    String vr = ascii(pos + 4, 2);
    if (LONG_VRS.contains(vr)) {
      if (pos + 12 > buf.limit()) {
        throw fail("truncated: data element header at offset " + pos + " runs past the end of the file");
      }
      return new Header(tag, vr, u32(pos + 8), pos + 12);
    }
    return new Header(tag, vr, buf.getShort(pos + 6) & 0xFFFF, pos + 8);
  }

  /** Walks elements from {@code pos} to {@code end}; returns where it stopped (after an item end). */
  private int walk(int pos, int end, int depth, boolean topLevel) throws DicomFormatException {
    if (depth > MAX_DEPTH) {
      throw fail("sequences nested deeper than " + MAX_DEPTH + " levels");
    }
    while (pos < end) {
      if (topLevel && allZero(pos, end)) {
        return end; // trailing zero padding after the data set
      }
      Header h = header(pos, depth);
      if (h.tag == ITEM_END || h.tag == SEQUENCE_END) {
        return h.valueStart; // caller decides whether that delimiter was expected
      }
      boolean isSequence = "SQ".equals(h.vr) || (h.length == UNDEFINED && "UN".equals(h.vr));
      if (h.tag == PIXEL_DATA && depth == 0) {
        pixelDataSeen = true;
      }
      if (h.length == UNDEFINED) {
        if (h.tag == PIXEL_DATA) {
          if (depth == 0) {
            encapsulated = true;
          }
          pos = fragments(h.valueStart, end, depth == 0);
        } else if (isSequence || !explicit) {
          boolean wasExplicit = explicit;
          ByteOrder order = buf.order();
          if ("UN".equals(h.vr)) {
            explicit = false; // PS3.5 6.2.2: UN of undefined length holds implicit VR little endian
            buf.order(ByteOrder.LITTLE_ENDIAN);
          }
          pos = items(h.valueStart, end, depth + 1);
          explicit = wasExplicit;
          buf.order(order);
        } else {
          throw fail(String.format("element %s at offset %d has an undefined length but is not a "
              + "sequence", tagString(h.tag), pos));
        }
        continue;
      }
      long valueEnd = h.valueStart + h.length;
      if (valueEnd > end) {
        throw fail(String.format("element %s at offset %d declares length %d, but only %d bytes "
            + "remain (truncated or corrupt)", tagString(h.tag), pos, h.length, end - h.valueStart));
      }
      if (h.tag == PIXEL_DATA && depth == 0) {
        pixelDataLength = h.length;
      }
      if (isSequence && h.length > 0) {
        int stop = items(h.valueStart, (int) valueEnd, depth + 1);
        if (stop > valueEnd) {
          throw fail("sequence " + tagString(h.tag) + " at offset " + pos + " overruns its length");
        }
      }
      pos = (int) valueEnd;
    }
    return pos;
  }

  /** Items of a sequence up to its delimiter or {@code end}; returns the position after them. */
  private int items(int pos, int end, int depth) throws DicomFormatException {
    while (pos < end) {
      Header h = header(pos, depth);
      if (h.tag == SEQUENCE_END) {
        return h.valueStart;
      }
      if (h.tag != ITEM) {
        throw fail(String.format("expected a sequence item at offset %d, found %s", pos, tagString(h.tag)));
      }
      if (h.length == UNDEFINED) {
        int stop = walk(h.valueStart, end, depth, false);
        pos = stop;
      } else {
        long itemEnd = h.valueStart + h.length;
        if (itemEnd > end) {
          throw fail(String.format("sequence item at offset %d declares length %d, but only %d "
              + "bytes remain (truncated or corrupt)", pos, h.length, end - h.valueStart));
        }
        walk(h.valueStart, (int) itemEnd, depth, false);
        pos = (int) itemEnd;
      }
    }
    return pos;
  }

  /** Encapsulated pixel data: offset table and fragments, each an item of defined length. */
  private int fragments(int pos, int end, boolean record) throws DicomFormatException {
    boolean first = true;
    while (pos < end) {
      if (pos + 8 > end) {
        break;
      }
      int tag = tagAt(pos);
      long length = u32(pos + 4);
      if (tag == SEQUENCE_END) {
        return pos + 8;
      }
      if (tag != ITEM || length == UNDEFINED) {
        throw fail(String.format("broken encapsulated pixel data at offset %d: expected a fragment, "
            + "found %s", pos, tagString(tag)));
      }
      if (pos + 8 + length > end) {
        throw fail(String.format("pixel data fragment at offset %d declares length %d, but only %d "
            + "bytes remain (truncated or corrupt)", pos, length, end - pos - 8));
      }
      if (record && !first) {
        fragments.add(length);
      }
      first = false;
      pos += 8 + (int) length;
    }
    throw fail("truncated: encapsulated pixel data has no sequence delimiter");
  }

  private String dictionaryVr(int tag) {
    byte[] vr = DICTIONARY.getValueRepresentationFromTag(new AttributeTag(tag >>> 16, tag & 0xFFFF));
    return vr == null ? "UN" : new String(vr, StandardCharsets.US_ASCII);
  }

  private int tagAt(int pos) {
    return ((buf.getShort(pos) & 0xFFFF) << 16) | (buf.getShort(pos + 2) & 0xFFFF);
  }

  private long u32(int pos) {
    return buf.getInt(pos) & 0xFFFFFFFFL;
  }

  private boolean isVr(int pos) {
    if (pos + 2 > buf.limit()) {
      return false;
    }
    int a = buf.get(pos);
    int b = buf.get(pos + 1);
    return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z';
  }

  private boolean allZero(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private String ascii(int pos, int length) {
    byte[] bytes = new byte[Math.max(0, Math.min(length, buf.limit() - pos))];
    buf.get(pos, bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  private static String tagString(int tag) {
    return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
  }

  private DicomFormatException fail(String reason) {
    return new DicomFormatException(name + ": " + reason);
  }

}
