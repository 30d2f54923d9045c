/**
 * The PixelMed adapter: the default {@link org.medvqa.dicom.DicomReader} ({@code PixelMedReader}) and
 * {@link org.medvqa.dicom.DicomImageWriter} ({@code PixelMedImageWriter}).
 *
 * <p>Reading a file: {@code StructureGuard} walks every element and checks each declared length
 * against the file before PixelMed allocates anything; PixelMed parses; native pixel data is unpacked
 * by {@code NativePixels}; encapsulated frames are checked by {@code CodestreamCheck} (codestream
 * size equals Rows/Columns, JPEG 2000 tile-part structure) and decoded by {@code CompressedFrames}:
 * RLE by {@code RleFrameDecoder}, JPEG lossless by the project's own
 * {@link org.medvqa.dicom.codec.LosslessJpegDecoder} (PixelMed's decoder only for what that leaves),
 * JPEG 2000 by jai-imageio driven directly ({@code Jpeg2000Frames}, which for model input can stop
 * at a coarser wavelet level), JPEG by PixelMed's codec bridge over ImageIO (TwelveMonkeys), both
 * under a {@code Watchdog}; JPEG-LS,
 * 12-bit lossy JPEG and the codestreams ImageIO misreads go to the GDCM fallback.
 */
package org.medvqa.dicom.pixelmed;
