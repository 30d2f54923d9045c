package org.medvqa.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.DicomReader;
import org.medvqa.dicom.DicomSeries;
import org.medvqa.dicom.ImagePipeline;
import org.medvqa.dicom.ModelReadyImage;
import org.medvqa.dicom.PreprocessOptions;
import org.medvqa.dicom.SeriesIndex;
import org.medvqa.dicom.TransferSyntaxes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medvqa dicom}: inspect DICOM files and folders; render a frame as PNG. */
@Command(
    name = "dicom",
    description = "Inspect and render DICOM files",
    subcommands = {DicomCommand.Info.class, DicomCommand.Render.class})
public final class DicomCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code medvqa dicom info FILE|DIR [--json]}: per file the SOP class, modality, transfer syntax,
   * rows, columns, frames, bits stored, photometric interpretation, body part, study/series/instance
   * UIDs and {@code pixels.sha256}; for a folder also the series it holds.
   */
  @Command(name = "info", description = "Print the metadata and pixels.sha256 of a DICOM file, or of every file "
      + "in a folder with a series summary")
  static final class Info implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", description = "a DICOM file, or a folder (searched recursively)")
    Path target;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      DicomReader reader = Dicom.reader();
      if (!Files.isDirectory(target)) {
        ObjectNode file = quietly(() -> describe(reader, target));
        if (json) {
          out.println(file.toPrettyString());
        } else {
          printFile(out, file);
        }
        out.flush();
        return ExitCodes.OK;
      }
      SeriesIndex.Scan scan = quietly(() -> new SeriesIndex(reader).scan(target));
      if (scan.series().isEmpty()) {
        throw new BadInputException("no readable DICOM image in " + target
            + (scan.skipped().isEmpty() ? "" : " (" + scan.skipped().size() + " file(s) skipped)"));
      }
      ArrayNode files = JSON.createArrayNode();
      ArrayNode series = JSON.createArrayNode();
      for (DicomSeries s : scan.series()) {
        for (DicomSeries.Slice slice : s.slices()) {
          files.add(quietly(() -> describe(reader, slice.file())));
        }
        series.add(describe(s));
      }
      ArrayNode skipped = JSON.createArrayNode();
      for (Map.Entry<Path, String> e : scan.skipped().entrySet()) {
        skipped.addObject().put("file", e.getKey().toString()).put("reason", e.getValue());
      }
      ObjectNode doc = JSON.createObjectNode();
      doc.put("directory", target.toString());
      doc.set("series", series);
      doc.set("files", files);
      doc.set("skipped", skipped);
      if (json) {
        out.println(doc.toPrettyString());
      } else {
        for (int i = 0; i < files.size(); i++) {
          printFile(out, (ObjectNode) files.get(i));
          out.println();
        }
        out.printf("%d series, %d image file(s), %d skipped%n", series.size(), files.size(), skipped.size());
        for (int i = 0; i < series.size(); i++) {
          var s = series.get(i);
          out.printf("  series %s  %s  %d image(s), %d frame(s), ordered by %s, slice spacing %s, "
                  + "representative %s frame %d  %s%n",
              s.get("seriesInstanceUid").asText(), s.get("modality").asText(), s.get("images").asInt(),
              s.get("frames").asInt(), s.get("orderedBy").asText(),
              s.get("sliceSpacing").isNull() ? "-" : s.get("sliceSpacing").asText() + " mm",
              s.get("representative").get("file").asText(), s.get("representative").get("frame").asInt(),
              s.get("description").asText());
        }
        for (int i = 0; i < skipped.size(); i++) {
          out.printf("  skipped %s: %s%n", skipped.get(i).get("file").asText(), skipped.get(i).get("reason").asText());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }

    static ObjectNode describe(DicomReader reader, Path file) throws IOException {
      DicomInfo info = reader.readInfo(file);
      ObjectNode node = JSON.createObjectNode();
      node.put("file", file.toString());
      node.put("sopClassUid", info.sopClassUid());
      node.put("sopClassName", info.sopClassName());
      node.put("modality", info.modality());
      node.put("transferSyntaxUid", info.transferSyntaxUid());
      node.put("transferSyntax", TransferSyntaxes.describe(info.transferSyntaxUid()));
      node.put("rows", info.rows());
      node.put("columns", info.columns());
      node.put("frames", info.frames());
      node.put("bitsStored", info.bitsStored());
      node.put("photometricInterpretation", info.photometricInterpretation());
      node.put("bodyPartExamined", info.bodyPartExamined());
      node.put("studyInstanceUid", info.studyInstanceUid());
      node.put("seriesInstanceUid", info.seriesInstanceUid());
      node.put("sopInstanceUid", info.sopInstanceUid());
      if (info.hasPixels()) {
        node.putObject("pixels").put("sha256", reader.decodeFrame(file, 0).sha256());
      } else {
        node.putNull("pixels");
      }
      return node;
    }

    private static ObjectNode describe(DicomSeries s) {
      ObjectNode node = JSON.createObjectNode();
      node.put("studyInstanceUid", s.studyInstanceUid());
      node.put("seriesInstanceUid", s.seriesInstanceUid());
      node.put("modality", s.modality());
      node.put("description", s.seriesDescription());
      node.put("images", s.size());
      node.put("frames", s.frameCount());
      node.put("orderedBy", s.orderedBy().name().toLowerCase(java.util.Locale.ROOT));
      double spacing = s.sliceSpacing();
      if (Double.isNaN(spacing)) {
        node.putNull("sliceSpacing");
      } else {
        node.put("sliceSpacing", Math.round(spacing * 1000) / 1000.0);
      }
      DicomSeries.FrameRef rep = s.representative();
      node.putObject("representative").put("file", rep.file().toString()).put("frame", rep.frameIndex() + 1);
      return node;
    }

    private static void printFile(PrintWriter out, ObjectNode f) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"file", f.get("file").asText()});
      rows.add(new String[] {"SOP class", f.get("sopClassUid").asText() + " (" + f.get("sopClassName").asText() + ")"});
      rows.add(new String[] {"modality", f.get("modality").asText()});
      rows.add(new String[] {"transfer syntax", f.get("transferSyntax").asText()});
      rows.add(new String[] {"rows", f.get("rows").asText()});
      rows.add(new String[] {"columns", f.get("columns").asText()});
      rows.add(new String[] {"frames", f.get("frames").asText()});
      rows.add(new String[] {"bits stored", f.get("bitsStored").asText()});
      rows.add(new String[] {"photometric", f.get("photometricInterpretation").asText()});
      rows.add(new String[] {"body part", f.get("bodyPartExamined").asText()});
      rows.add(new String[] {"study UID", f.get("studyInstanceUid").asText()});
      rows.add(new String[] {"series UID", f.get("seriesInstanceUid").asText()});
      rows.add(new String[] {"instance UID", f.get("sopInstanceUid").asText()});
      rows.add(new String[] {"pixels.sha256", f.get("pixels").isNull() ? "(no pixel data)" : f.get("pixels").get("sha256").asText()});
      for (String[] row : rows) {
        out.printf("%-16s %s%n", row[0], row[1]);
      }
    }
  }

  /** {@code medvqa dicom render FILE --out PNG [--frame N]}: the windowed image as an 8-bit PNG. */
  @Command(name = "render", description = "Write one frame, windowed (VOI window from the file, else the 0.5..99.5 "
      + "percentiles), as an 8-bit PNG")
  static final class Render implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a DICOM file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "the PNG to write")
    Path out;

    @Option(names = "--frame", paramLabel = "N", defaultValue = "1", description = "frame number, 1-based (default 1)")
    int frame;

    @Option(names = "--size", paramLabel = "WxH", description = "resize to W x H pixels (aspect kept, padded)")
    String size;

    @Override
    public Integer call() throws IOException {
      if (frame < 1) {
        throw new BadInputException("--frame must be 1 or more, got " + frame);
      }
      PreprocessOptions options = PreprocessOptions.DEFAULT;
      if (size != null) {
        String[] parts = size.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
          options = options.withSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]))
              .withResize(PreprocessOptions.Resize.PAD);
        } catch (RuntimeException e) {
          throw new BadInputException("--size must look like 512x512, got " + size);
        }
      }
      DicomReader.DecodedImage decoded = quietly(() -> Dicom.reader().read(file, frame - 1));
      boolean colour = decoded.frame().samplesPerPixel() == 3
          || "PALETTE COLOR".equals(decoded.frame().photometricInterpretation());
      ModelReadyImage image = new ImagePipeline(options.withChannels(colour ? 3 : 1))
          .apply(decoded.info(), decoded.frame());
      writePng(image, out);
      PrintWriter console = spec.commandLine().getOut();
      console.printf("wrote %s (%dx%d, %s, frame %d of %d)%n", out, image.width(), image.height(),
          colour ? "RGB" : "grayscale", frame, decoded.info().frames());
      console.flush();
      return ExitCodes.OK;
    }

    static void writePng(ModelReadyImage image, Path target) throws IOException {
      int w = image.width();
      int h = image.height();
      int c = image.channels();
      BufferedImage png = new BufferedImage(w, h, c == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
      WritableRaster raster = png.getRaster();
      int[] samples = new int[w * h * c];
      float[] px = image.pixels();
      for (int i = 0; i < samples.length; i++) {
        samples[i] = Math.round(px[i] * 255f);
      }
      raster.setPixels(0, 0, w, h, samples);
      Path absolute = target.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path tmp = Files.createTempFile(absolute.getParent(), ".render", ".png");
      try {
        if (!ImageIO.write(png, "png", tmp.toFile())) {
          throw new IOException("no PNG writer available");
        }
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  interface IoAction<T> {
    T run() throws IOException;
  }

  /**
   * Runs a read with System.err silenced: PixelMed prints its parser's complaints about quirky files
   * straight to System.err, and bad input must end in one clear line, not hundreds. Our own errors
   * travel as exceptions and are printed by picocli's handler, which holds the real stream.
   */
  static <T> T quietly(IoAction<T> action) throws IOException {
    PrintStream original = System.err;
    synchronized (DicomCommand.class) {
      System.setErr(new PrintStream(OutputStream.nullOutputStream()));
      try {
        return action.run();
      } finally {
        System.setErr(original);
      }
    }
  }

}
