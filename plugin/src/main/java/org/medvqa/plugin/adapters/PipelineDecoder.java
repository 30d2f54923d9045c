package org.medvqa.plugin.adapters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomFormatException;
import org.medvqa.dicom.DicomFrame;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.DicomReader;
import org.medvqa.dicom.DicomSeries;
import org.medvqa.dicom.ImagePipeline;
import org.medvqa.dicom.ModelReadyImage;
import org.medvqa.dicom.PreprocessOptions;
import org.medvqa.dicom.SeriesIndex;
import org.medvqa.dicom.UnsupportedTransferSyntaxException;
import org.medvqa.plugin.model.ModelImage;
import org.medvqa.plugin.service.BadRequestException;
import org.medvqa.plugin.service.DecodedStudy;
import org.medvqa.plugin.service.DicomDecoder;

/**
 * DICOM files to model-ready slices through the {@code dicom-adapters} port: headers read, objects
 * without pixel data (an SR stored earlier, a presentation state) left out, the largest series kept,
 * its slices ordered along the slice normal (else by instance number), every frame through the image
 * pipeline (modality LUT, VOI window from the object else its 0.5..99.5 percentiles, MONOCHROME1
 * inversion, grey), images wider than {@link #MAX_SIDE} scaled down. Errors name no patient data.
 */
public final class PipelineDecoder implements DicomDecoder {
  static final int MAX_SIDE = 512;
  static final int MAX_SLICES = 2_000;

  private final DicomReader reader = Dicom.reader();

  @Override
  public DecodedStudy decode(List<Path> files) {
    Map<String, List<DicomSeries.Slice>> bySeries = new LinkedHashMap<>();
    int index = 0;
    for (Path file : files) {
      index++;
      DicomInfo info;
      try {
        info = reader.readInfo(file);
      } catch (DicomFormatException e) {
        throw new BadRequestException("file " + index + " of " + files.size() + " is not a readable DICOM file");
      } catch (IOException e) {
        throw new BadRequestException("file " + index + " of " + files.size() + " cannot be read");
      }
      if (info.hasPixels()) {
        bySeries.computeIfAbsent(String.valueOf(info.seriesInstanceUid()), k -> new ArrayList<>())
            .add(new DicomSeries.Slice(file, info, Double.NaN));
      }
    }
    List<DicomSeries.Slice> largest = bySeries.values().stream()
        .max(Comparator.comparingInt(List::size))
        .orElseThrow(() -> new BadRequestException("no DICOM image with pixel data in the input"));
    DicomSeries series = SeriesIndex.order(largest);
    List<ModelImage> slices = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    for (DicomSeries.Slice s : series.slices()) {
      int frames = Math.max(1, s.info().frames());
      for (int f = 0; f < frames; f++) {
        if (slices.size() >= MAX_SLICES) {
          throw new BadRequestException("more than " + MAX_SLICES + " slices in one series");
        }
        slices.add(decode(s, f));
        sources.add(s.file());
      }
    }
    String modality = series.modality() == null || series.modality().isBlank() ? "OT" : series.modality();
    return new DecodedStudy(slices, sources, modality);
  }

  private ModelImage decode(DicomSeries.Slice slice, int frame) {
    DicomFrame decoded;
    try {
      // Large JPEG 2000 frames are decoded only down to the wavelet level that still covers MAX_SIDE.
      decoded = reader.readForModel(slice.file(), frame, MAX_SIDE, MAX_SIDE).frame();
    } catch (UnsupportedTransferSyntaxException e) {
      throw new BadRequestException("the DICOM file uses a transfer syntax this server cannot decode");
    } catch (IOException | RuntimeException e) {
      throw new BadRequestException("the DICOM pixel data cannot be decoded");
    }
    int w = decoded.columns();
    int h = decoded.rows();
    PreprocessOptions options = PreprocessOptions.DEFAULT.withChannels(1);
    int side = Math.max(w, h);
    if (side > MAX_SIDE) {
      double s = (double) MAX_SIDE / side;
      options = options.withSize(Math.max(1, (int) Math.round(w * s)), Math.max(1, (int) Math.round(h * s)));
    }
    ModelReadyImage img = new ImagePipeline(options).apply(slice.info(), decoded);
    return new ModelImage(img.width(), img.height(), img.pixels());
  }
}
