/**
 * The project's own small DICOM port: value types and interfaces, no PixelMed or GDCM types in any
 * signature. Everything outside {@code dicom-adapters} codes against this package only.
 *
 * <ul>
 *   <li>{@link org.medvqa.dicom.Dicom} — the entry point: {@code Dicom.reader()}, {@code Dicom.writer()}.
 *   <li>{@link org.medvqa.dicom.DicomReader} — {@code readInfo(Path)} gives a {@link
 *       org.medvqa.dicom.DicomInfo} (metadata, no PHI in {@code toString}; the patient sits in {@link
 *       org.medvqa.dicom.PatientIdentity}); {@code decodeFrame(Path, i)} gives a {@link
 *       org.medvqa.dicom.DicomFrame}: the stored values of frame {@code i} (0-based), samples
 *       interleaved, row-major; {@code readForModel(Path, i, w, h)} may return a smaller frame that
 *       still covers w x h (JPEG 2000 decoded only to the wavelet level needed), for model input only.
 *   <li>{@link org.medvqa.dicom.ImagePipeline} — stored values to a {@link
 *       org.medvqa.dicom.ModelReadyImage} (floats in [0,1]): modality LUT, VOI window, MONOCHROME1
 *       inversion, palette / YBR to RGB, resize; configured by {@link org.medvqa.dicom.PreprocessOptions};
 *       {@code read(reader, file, frame)} decodes through {@code readForModel} and applies it.
 *   <li>{@link org.medvqa.dicom.SeriesIndex} — groups a folder into {@link org.medvqa.dicom.DicomSeries},
 *       slices ordered along the slice normal (frames of an enhanced multi-frame image by their
 *       per-frame Plane Position), with a representative slice.
 *   <li>{@link org.medvqa.dicom.DicomImageWriter} — writes a Part-10 image from a {@link
 *       org.medvqa.dicom.DicomImageSpec} (16-bit pixels and metadata).
 *   <li>{@link org.medvqa.dicom.FrameDecoder} — a decoder straight from a file (GDCM: {@code
 *       Dicom.gdcm()}), the fallback and the benchmark's peer.
 *   <li>{@link org.medvqa.dicom.DicomFormatException} — the one bad-input failure of this module
 *       (not DICOM, truncated, forged length, broken codestream, unsupported transfer syntax).
 * </ul>
 *
 * <p>Adapters: {@code org.medvqa.dicom.pixelmed} (the default reader and writer), {@code
 * org.medvqa.dicom.codec} (the project's own lossless JPEG decoder), {@code org.medvqa.dicom.gdcm}
 * (optional decoder for JPEG-LS and 12-bit lossy JPEG).
 */
package org.medvqa.dicom;
