package org.medvqa.dicom.pixelmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomReader;
import org.medvqa.dicom.PaletteLut;

/**
 * Segmented palette colour tables on real data: the DICOM well-known palettes SPRING, SUMMER, FALL
 * and WINTER (PS3.6 Annex B, as shipped in Debian's python3-pydicom, {@code data/palettes}) are
 * segmented; each must expand to what pydicom's independent implementation gives (from the file:
 * pydicom 2.3's lookup by palette name swaps FALL and WINTER), and a PALETTE
 * COLOR image built by pydicom from CT_small's pixels with the FALL table must map to pydicom's RGB.
 */
class SegmentedPaletteTest {
  private static final Path PALETTES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/palettes");

  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"spring", "summer", "fall", "winter"})
  void wellKnownSegmentedPalettesExpandLikePydicom(String palette) throws Exception {
    AttributeList list = new AttributeList();
    list.read(PALETTES.resolve(palette + ".dcm").toFile());
    PaletteLut lut = Palettes.read(palette, list);
    assertThat(lut.size()).isEqualTo(256);
    String rgb = python("""
        import numpy as np, pydicom
        from pydicom.pixel_data_handlers.util import apply_color_lut
        out = apply_color_lut(np.arange(256, dtype=np.uint8), pydicom.dcmread('%s'))
        for c in range(3): print(' '.join(str(int(v)) for v in out[:, c]))
        """.formatted(PALETTES.resolve(palette + ".dcm")));
    List<String> lines = rgb.lines().toList();
    assertThat(join(lut.red())).as("red").isEqualTo(lines.get(0));
    assertThat(join(lut.green())).as("green").isEqualTo(lines.get(1));
    assertThat(join(lut.blue())).as("blue").isEqualTo(lines.get(2));
  }

  @Test
  void paletteColourImageWithASegmentedTableMapsLikePydicom() throws Exception {
    Path image = work.resolve("ct_fall.dcm");
    String expected = python("""
        import numpy as np, pydicom
        from pydicom.pixel_data_handlers.util import apply_color_lut
        ds = pydicom.dcmread('%s')
        pal = pydicom.dcmread('%s')
        a = ds.pixel_array.astype(np.int64)
        a = ((a - a.min()) * 255 // max(1, a.max() - a.min())).astype(np.uint8)
        for k in ['RescaleSlope', 'RescaleIntercept', 'WindowCenter', 'WindowWidth']:
            if k in ds: del ds[k]
        ds.PhotometricInterpretation = 'PALETTE COLOR'
        ds.BitsAllocated = 8; ds.BitsStored = 8; ds.HighBit = 7; ds.PixelRepresentation = 0
        for c in ['Red', 'Green', 'Blue']:
            ds[c + 'PaletteColorLookupTableDescriptor'] = pal[c + 'PaletteColorLookupTableDescriptor']
            ds['Segmented' + c + 'PaletteColorLookupTableData'] = pal['Segmented' + c + 'PaletteColorLookupTableData']
        ds.PixelData = a.tobytes()
        ds.save_as('%s')
        rgb = apply_color_lut(a, ds)
        print(' '.join(str(int(v)) for v in rgb.reshape(-1)))
        """.formatted(Corpora.pydicom("CT_small.dcm"), PALETTES.resolve("fall.dcm"), image));
    DicomReader.DecodedImage decoded = Dicom.reader().read(image, 0);
    PaletteLut lut = decoded.info().palette();
    assertThat(lut).isNotNull();
    int[] stored = decoded.frame().samples();
    StringBuilder ours = new StringBuilder();
    for (int v : stored) {
      int k = lut.index(v);
      ours.append(ours.isEmpty() ? "" : " ").append(lut.red()[k]).append(' ').append(lut.green()[k])
          .append(' ').append(lut.blue()[k]);
    }
    assertThat(ours.toString()).isEqualTo(expected.strip());
  }

  @Test
  void brokenSegmentsAreBadInput() {
    assertThatThrownBy(() -> SegmentedPalette.expand("x", new int[] {1, 4, 255}, 2, 16))
        .isInstanceOf(DicomFormatException.class).hasMessageContaining("starts with a linear segment");
    assertThatThrownBy(() -> SegmentedPalette.expand("x", new int[] {0, 40, 1, 2}, 2, 16))
        .hasMessageContaining("discrete segment runs past the data");
    assertThatThrownBy(() -> SegmentedPalette.expand("x", new int[] {0, 1, 7, 9, 3}, 2, 16))
        .hasMessageContaining("unknown segment type 9");
    // an indirect segment pointing at itself: refused, not an endless loop
    assertThatThrownBy(() -> SegmentedPalette.expand("x", new int[] {0, 1, 7, 2, 1, 6, 0}, 2, 16))
        .hasMessageContaining("bad indirect segment");
  }

  @Test
  void indirectSegmentRepeatsEarlierSegments() throws DicomFormatException {
    // discrete {10}, linear to 20 over 2, then indirect: 2 segments at byte offset 0 (16-bit entries)
    int[] table = SegmentedPalette.expand("x", new int[] {0, 1, 10, 1, 2, 20, 2, 2, 0, 0}, 2, 8);
    assertThat(table).containsExactly(10, 15, 20, 10, 15, 20, 20, 20);
  }

  private static String join(int[] values) {
    StringBuilder s = new StringBuilder();
    for (int v : values) {
      s.append(s.isEmpty() ? "" : " ").append(v);
    }
    return s.toString();
  }

  private String python(String script) throws IOException, InterruptedException {
    Path file = Files.writeString(work.resolve("oracle.py"), script);
    Path output = work.resolve("oracle.out");
    Process p = new ProcessBuilder("/usr/bin/python3", file.toString()).redirectOutput(output.toFile())
        .redirectError(work.resolve("oracle.err").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("pydicom oracle failed: " + Files.readString(work.resolve("oracle.err")));
    }
    return Files.readString(output);
  }
}
