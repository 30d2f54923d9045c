/**
 * Test fixtures shared with the {@code tests} module (published in the dicom-adapters test-jar): a real
 * Orthanc PACS started on free loopback ports ({@link org.medvqa.dicom.orthanc.OrthancServer}) and
 * synthetic DICOM studies written with PixelMed ({@link org.medvqa.dicom.orthanc.SyntheticStudy}).
 */
package org.medvqa.dicom.orthanc;
