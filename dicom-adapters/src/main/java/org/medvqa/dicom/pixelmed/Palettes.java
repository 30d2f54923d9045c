package org.medvqa.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.PaletteLut;

/**
 * Reads the red, green and blue palette colour tables (PS3.3 C.7.6.3.1.5/6), plain or segmented
 * (C.7.9.2, expanded by {@link SegmentedPalette}).
 */
final class Palettes {
  /** Segmented Red, Green, Blue Palette Color Lookup Table Data (0028,1221-1223). */
  private static final AttributeTag SEGMENTED_RED = new AttributeTag(0x0028, 0x1221);
  private static final AttributeTag SEGMENTED_GREEN = new AttributeTag(0x0028, 0x1222);
  private static final AttributeTag SEGMENTED_BLUE = new AttributeTag(0x0028, 0x1223);

  private Palettes() {}

  static PaletteLut read(String name, AttributeList list) throws DicomFormatException {
    int[] descriptor = descriptor(list, TagFromName.RedPaletteColorLookupTableDescriptor);
    if (descriptor == null) {
      throw new DicomFormatException(name + ": PALETTE COLOR image without a palette descriptor");
    }
    int entries = descriptor[0] == 0 ? 65536 : descriptor[0];
    int firstMapped = descriptor[1];
    int bits = descriptor[2] == 16 ? 16 : 8;
    if (list.get(TagFromName.RedPaletteColorLookupTableData) == null && list.get(SEGMENTED_RED) != null) {
      boolean bigEndian = "1.2.840.10008.1.2.2".equals(PixelMedReader.str(list, TagFromName.TransferSyntaxUID));
      return new PaletteLut(firstMapped, bits, segmented(name, list, SEGMENTED_RED, entries, bits, bigEndian),
          segmented(name, list, SEGMENTED_GREEN, entries, bits, bigEndian),
          segmented(name, list, SEGMENTED_BLUE, entries, bits, bigEndian));
    }
    int[] red = table(name, list, TagFromName.RedPaletteColorLookupTableData, entries, bits);
    int[] green = table(name, list, TagFromName.GreenPaletteColorLookupTableData, entries, bits);
    int[] blue = table(name, list, TagFromName.BluePaletteColorLookupTableData, entries, bits);
    return new PaletteLut(firstMapped, bits, red, green, blue);
  }

  /** One segmented table: 16-bit entries are the words, 8-bit ones the bytes in file order. */
  private static int[] segmented(String name, AttributeList list, AttributeTag tag, int entries, int bits,
      boolean bigEndian) throws DicomFormatException {
    Attribute attribute = list.get(tag);
    if (attribute == null) {
      throw new DicomFormatException(name + ": segmented palette table " + tag + " missing");
    }
    short[] words;
    try {
      words = attribute.getShortValues();
    } catch (DicomException e) {
      throw new DicomFormatException(name + ": unreadable segmented palette table " + tag, e);
    }
    if (words == null) {
      throw new DicomFormatException(name + ": empty segmented palette table " + tag);
    }
    int[] data;
    if (bits == 16) {
      data = new int[words.length];
      for (int i = 0; i < words.length; i++) {
        data[i] = words[i] & 0xFFFF;
      }
    } else {
      data = new int[words.length * 2];
      for (int i = 0; i < words.length; i++) {
        int lo = words[i] & 0xFF;
        int hi = (words[i] >> 8) & 0xFF;
        data[2 * i] = bigEndian ? hi : lo;
        data[2 * i + 1] = bigEndian ? lo : hi;
      }
    }
    return SegmentedPalette.expand(name, data, bits == 16 ? 2 : 1, entries);
  }

  private static int[] descriptor(AttributeList list, AttributeTag tag) {
    try {
      int[] values = Attribute.getIntegerValues(list, tag);
      return values == null || values.length < 3 ? null : new int[] {
          values[0] & 0xFFFF, values[1] & 0xFFFF, values[2]};
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static int[] table(String name, AttributeList list, AttributeTag tag, int entries, int bits)
      throws DicomFormatException {
    Attribute attribute = list.get(tag);
    if (attribute == null) {
      throw new DicomFormatException(name + ": palette table " + tag + " missing");
    }
    short[] words;
    try {
      words = attribute.getShortValues();
    } catch (DicomException e) {
      throw new DicomFormatException(name + ": unreadable palette table " + tag, e);
    }
    int[] table = new int[entries];
    if (bits == 16) {
      if (words.length < entries) {
        throw new DicomFormatException(name + ": palette table " + tag + " shorter than its descriptor");
      }
      for (int i = 0; i < entries; i++) {
        table[i] = words[i] & 0xFFFF;
      }
    } else {
      // 8-bit entries: one value per 16-bit word in most files, two packed per word in some.
      boolean packed = words.length * 2 >= entries && words.length < entries;
      for (int i = 0; i < entries; i++) {
        int word = words[packed ? i / 2 : Math.min(i, words.length - 1)] & 0xFFFF;
        table[i] = packed ? ((i % 2 == 0) ? word & 0xFF : word >>> 8) : Math.min(255, word > 255 ? word >>> 8 : word);
      }
    }
    return table;
  }
}
