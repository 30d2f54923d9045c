/**
 * GDCM's Java binding (Debian {@code libgdcm-java}, native {@code libgdcmjni.so}) as an optional
 * {@link org.medvqa.dicom.FrameDecoder}: the fallback for JPEG-LS and 12-bit lossy JPEG, and the
 * peer decoder of the decode benchmark. Loaded lazily; absent library means {@code available()} is
 * false and those transfer syntaxes are reported as unsupported.
 */
package org.medvqa.dicom.gdcm;
