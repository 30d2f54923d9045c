/**
 * The project's own pure-Java codecs, written where a third-party decoder was the bottleneck:
 * {@link org.medvqa.dicom.codec.LosslessJpegDecoder} (ITU T.81 lossless, processes 14 and 14 SV1).
 * They work on one frame's codestream (a byte array) and know nothing of DICOM; a broken codestream
 * is a {@link org.medvqa.dicom.codec.CodestreamException}, a legal one they do not implement an
 * {@link org.medvqa.dicom.codec.UnsupportedCodestreamException} (the caller then uses another decoder).
 */
package org.medvqa.dicom.codec;
